import { z } from 'zod'
import { DeviceHealth, KIOSK_ID_PATTERN } from '../fleet'
import { IsoDateTime } from '../schemas'

/**
 * The console's fleet page (docs/console.md): every device with what its last heartbeat said,
 * live; and IT's actions on devices, each confirmed and audited.
 */
export const ConsoleDevice = DeviceHealth.extend({
  id: z.string(),
  electronVersion: z.string().optional(),
  /** Derived from the beat's uptime: when the kiosk's app last started. */
  lastRestartAt: IsoDateTime.optional(),
  /** Derived from the beat: when the kiosk last wiped (a session ended). */
  lastWipeAt: IsoDateTime.optional(),
})
export type ConsoleDevice = z.infer<typeof ConsoleDevice>

export const ConsoleFleet = z.object({ at: IsoDateTime, devices: z.array(ConsoleDevice) })
export type ConsoleFleet = z.infer<typeof ConsoleFleet>

export const deviceRoles = ['public', 'counter'] as const
export const DeviceRole = z.enum(deviceRoles)
export type DeviceRole = z.infer<typeof DeviceRole>

/** A device's name: what IT writes on the machine's label (the kiosk id's shape). */
export const DeviceName = z.string().trim().regex(KIOSK_ID_PATTERN)

export const AddDeviceRequest = z.strictObject({ name: DeviceName, role: DeviceRole })
export const DeviceAdded = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown once, for `--provision`: the service keeps only its hash. */
  token: z.string(),
})
export type DeviceAdded = z.infer<typeof DeviceAdded>
export const DeviceRoleRequest = z.strictObject({ role: DeviceRole })
export const DeviceParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })

/** The live fleet's server-sent events. */
export const FLEET_EVENT = 'fleet'
export const SESSION_ENDED_EVENT = 'session-ended'
