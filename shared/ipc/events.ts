import { z } from 'zod'
import { LinkInfo } from '../api/schemas'
import { LinkRejection } from '../mail-link'
import { ErrorCode } from '../errors'

export const wipeReasons = ['start_over', 'idle', 'finished', 'staff', 'renderer_crash'] as const
export const WipeReason = z.enum(wipeReasons)
export type WipeReason = z.infer<typeof WipeReason>

/** Everything main tells the renderer, on one channel. */
export const KioskEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mailLink'), link: LinkInfo }),
  z.strictObject({ type: z.literal('mailLinkFailed'), code: z.union([LinkRejection, ErrorCode]) }),
  z.strictObject({ type: z.literal('wiped'), reason: WipeReason }),
  z.strictObject({ type: z.literal('staffRequested') }),
])
export type KioskEvent = z.infer<typeof KioskEvent>
