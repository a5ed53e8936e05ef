import { z } from 'zod'
import { KioskError } from './errors'

/** What crosses every boundary (IPC, HTTP client): a value or a typed error, never an exception. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: KioskError }

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), data }),
    z.strictObject({ ok: z.literal(false), error: KioskError }),
  ])
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = <T = never>(error: KioskError): Result<T> => ({ ok: false, error })
