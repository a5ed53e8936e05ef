import type { KioskError } from './errors'

/** What crosses every boundary (IPC, HTTP client): a value or a typed error, never an exception. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: KioskError }
