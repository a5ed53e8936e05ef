import { z } from 'zod'
import { IsoDateTime } from './schemas'

/**
 * Fleet health (docs/deployment.md, "Fleet health"): what each kiosk reports every minute and what
 * IT reads back. Every field is a machine word or a number: a heartbeat has no room for personal
 * data.
 */
export const KIOSK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/

export const KeychainState = z.enum(['available', 'unavailable', 'not_used_in_demo'])
export const ConfigSourceKind = z.enum(['file', 'demo'])

export const Heartbeat = z.strictObject({
  kioskId: z.string().regex(KIOSK_ID_PATTERN),
  version: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/),
  mode: z.enum(['kiosk', 'counter']),
  configSource: ConfigSourceKind,
  /** Whether the config file on disk still validates (a broken push shows before the restart). */
  configValid: z.boolean(),
  keychain: KeychainState,
  uptimeSeconds: z
    .number()
    .int()
    .nonnegative()
    .max(10 * 365 * 86_400),
  /** Renderer crashes in the last hour, plus main-process failures that relaunched the app. */
  crashesLastHour: z.number().int().nonnegative().max(100_000),
  /** Whether the service's health endpoint answered the kiosk just before this beat. */
  serviceReachable: z.boolean(),
  /** Heartbeats that could not be delivered in the last hour. */
  missedLastHour: z.number().int().nonnegative().max(1000),
  rendererMemoryMiB: z.number().nonnegative().max(1_000_000).optional(),
  /** The Electron the app runs on (absent where there is none: the browser harness). */
  electronVersion: z
    .string()
    .regex(/^[0-9A-Za-z.+-]{1,40}$/)
    .optional(),
  /** How long ago the kiosk last wiped (a session ended); absent until its first wipe. */
  secondsSinceWipe: z
    .number()
    .int()
    .nonnegative()
    .max(10 * 365 * 86_400)
    .optional(),
})
export type Heartbeat = z.infer<typeof Heartbeat>

export const deviceStates = [
  'ok',
  'stale',
  'never_seen',
  'crash_looping',
  'config_problem',
  'keychain_problem',
  'disabled',
] as const
export const DeviceState = z.enum(deviceStates)
export type DeviceState = z.infer<typeof DeviceState>

export const DeviceHealth = z.object({
  /** What `POST /v1/admin/devices/{id}/disable` names. */
  id: z.string(),
  name: z.string(),
  counter: z.boolean(),
  state: DeviceState,
  lastSeenAt: IsoDateTime.optional(),
  kioskId: z.string().optional(),
  version: z.string().optional(),
  mode: z.enum(['kiosk', 'counter']).optional(),
  configSource: ConfigSourceKind.optional(),
  configValid: z.boolean().optional(),
  keychain: KeychainState.optional(),
  uptimeSeconds: z.number().optional(),
  crashesLastHour: z.number().optional(),
  serviceReachable: z.boolean().optional(),
  missedLastHour: z.number().optional(),
  rendererMemoryMiB: z.number().optional(),
})
export type DeviceHealth = z.infer<typeof DeviceHealth>
export const DeviceList = z.object({ devices: z.array(DeviceHealth) })
export const DeviceIdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })
