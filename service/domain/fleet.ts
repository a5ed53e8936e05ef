import type { ConsoleDevice } from '@shared/api/console/fleet'
import type { DeviceHealth, DeviceState, Heartbeat } from '@shared/api/fleet'
import { iso } from '../clock'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { limits } from '../limits'

/**
 * Keeps a kiosk's last heartbeat (one row per device, replaced at each beat). The kiosk id and
 * mode IT reads come from the device record (its name and role), never from the payload: a
 * kiosk, or a stolen token, cannot pass itself off as another kiosk or as a counter. One
 * `INSERT … SELECT … ON CONFLICT` statement. Beats reaching two instances at once each replace
 * the row whole; states are computed when read, from the time of the last beat, so no instance
 * needs to mark a kiosk stale (idempotent on any number of them).
 */
export async function recordHeartbeat(
  ctx: ServiceContext,
  deviceId: string,
  beat: Heartbeat,
): Promise<void> {
  const value = <T>(value: T, type: 'TEXT' | 'BIGINT' | 'DOUBLE PRECISION') =>
    sql<T>`CAST(${value} AS ${sql.raw(type)})`
  const columns = [
    'received_at',
    'kiosk_id',
    'version',
    'mode',
    'config_source',
    'config_valid',
    'keychain',
    'uptime_seconds',
    'crashes_last_hour',
    'service_reachable',
    'missed_last_hour',
    'renderer_memory_mib',
    'electron_version',
    'seconds_since_wipe',
  ] as const
  await ctx.db
    .insertInto('device_heartbeats')
    .columns(['device_id', ...columns])
    .expression((eb) =>
      eb
        .selectFrom('devices as d')
        .select([
          'd.id',
          value(ctx.clock.now(), 'BIGINT').as('received_at'),
          'd.name',
          value(beat.version, 'TEXT').as('version'),
          sql<string>`CASE WHEN d.counter = 1 THEN 'counter' ELSE 'kiosk' END`.as('mode'),
          value(beat.configSource, 'TEXT').as('config_source'),
          value(beat.configValid ? 1 : 0, 'BIGINT').as('config_valid'),
          value(beat.keychain, 'TEXT').as('keychain'),
          value(beat.uptimeSeconds, 'BIGINT').as('uptime_seconds'),
          value(beat.crashesLastHour, 'BIGINT').as('crashes_last_hour'),
          value(beat.serviceReachable ? 1 : 0, 'BIGINT').as('service_reachable'),
          value(beat.missedLastHour, 'BIGINT').as('missed_last_hour'),
          value(beat.rendererMemoryMiB ?? null, 'DOUBLE PRECISION').as('renderer_memory_mib'),
          value(beat.electronVersion ?? null, 'TEXT').as('electron_version'),
          value(beat.secondsSinceWipe ?? null, 'BIGINT').as('seconds_since_wipe'),
        ])
        .where('d.id', '=', deviceId),
    )
    .onConflict((conflict) =>
      conflict
        .column('device_id')
        .doUpdateSet((eb) =>
          Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)])),
        ),
    )
    .execute()
}

interface DeviceRow {
  id: string
  name: string
  counter: number
  disabled: number
  received_at: number | null
  kiosk_id: string | null
  version: string | null
  mode: 'kiosk' | 'counter' | null
  config_source: 'file' | 'demo' | null
  config_valid: number | null
  keychain: 'available' | 'unavailable' | 'not_used_in_demo' | null
  uptime_seconds: number | null
  crashes_last_hour: number | null
  service_reachable: number | null
  missed_last_hour: number | null
  renderer_memory_mib: number | null
  electron_version: string | null
  seconds_since_wipe: number | null
}

/**
 * One word for IT, the worst that applies: disabled, never seen, stale (silent for 5 minutes),
 * crash-looping (3 crashes in the last hour), config problem (the file on disk no longer
 * validates), keychain problem, else ok.
 */
function stateOf(row: DeviceRow, now: number): DeviceState {
  if (row.disabled) return 'disabled'
  if (row.received_at === null) return 'never_seen'
  if (row.received_at <= now - limits.deviceStaleMs) return 'stale'
  if ((row.crashes_last_hour ?? 0) >= limits.crashLoopCrashesPerHour) return 'crash_looping'
  if (row.config_valid === 0) return 'config_problem'
  if (row.keychain === 'unavailable') return 'keychain_problem'
  return 'ok'
}

async function deviceRows(ctx: ServiceContext): Promise<DeviceRow[]> {
  return (await ctx.db
    .selectFrom('devices as d')
    .leftJoin('device_heartbeats as h', 'h.device_id', 'd.id')
    .select([
      'd.id',
      'd.name',
      'd.counter',
      'd.disabled',
      'h.received_at',
      'h.kiosk_id',
      'h.version',
      'h.mode',
      'h.config_source',
      'h.config_valid',
      'h.keychain',
      'h.uptime_seconds',
      'h.crashes_last_hour',
      'h.service_reachable',
      'h.missed_last_hour',
      'h.renderer_memory_mib',
      'h.electron_version',
      'h.seconds_since_wipe',
    ])
    .orderBy('d.name')
    .execute()) as DeviceRow[]
}

/** Every device the service knows, with its last heartbeat and state (`service devices`, admin). */
export async function fleetHealth(ctx: ServiceContext): Promise<DeviceHealth[]> {
  const now = ctx.clock.now()
  return (await deviceRows(ctx)).map((row) => healthOf(row, now))
}

/**
 * The console's fleet: the same, with each device's id (its actions name it), its Electron
 * version, and when it last restarted and wiped, as times (the beat says how long ago, so the
 * kiosk's clock does not matter).
 */
export async function consoleFleet(ctx: ServiceContext): Promise<ConsoleDevice[]> {
  const now = ctx.clock.now()
  return (await deviceRows(ctx)).map((row) => ({
    ...healthOf(row, now),
    ...(row.electron_version !== null ? { electronVersion: row.electron_version } : {}),
    ...(row.received_at !== null && row.uptime_seconds !== null
      ? { lastRestartAt: iso(row.received_at - row.uptime_seconds * 1000) }
      : {}),
    ...(row.received_at !== null && row.seconds_since_wipe !== null
      ? { lastWipeAt: iso(row.received_at - row.seconds_since_wipe * 1000) }
      : {}),
  }))
}

function healthOf(row: DeviceRow, now: number): DeviceHealth {
  return {
    id: row.id,
    name: row.name,
    counter: row.counter === 1,
    state: stateOf(row, now),
    ...(row.received_at !== null
      ? {
          lastSeenAt: iso(row.received_at),
          kioskId: row.kiosk_id!,
          version: row.version!,
          mode: row.mode!,
          configSource: row.config_source!,
          configValid: row.config_valid === 1,
          keychain: row.keychain!,
          uptimeSeconds: row.uptime_seconds!,
          crashesLastHour: row.crashes_last_hour!,
          serviceReachable: row.service_reachable === 1,
          missedLastHour: row.missed_last_hour!,
          ...(row.renderer_memory_mib !== null
            ? { rendererMemoryMiB: row.renderer_memory_mib }
            : {}),
        }
      : {}),
  }
}

const ago = (ms: number) => {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 120) return `${minutes} min ago`
  return `${Math.floor(minutes / 60)} h ago`
}

/** `service devices`: the same as GET /v1/admin/devices, as a table for a terminal. */
export function fleetTable(devices: readonly DeviceHealth[], now: number): string {
  const header = [
    'DEVICE',
    'KIOSK ID',
    'ROLE',
    'VERSION',
    'LAST SEEN',
    'STATE',
    'CRASHES/H',
    'MEM MiB',
  ]
  const rows = devices.map((device) => [
    device.name,
    device.kioskId ?? '-',
    device.counter ? 'counter' : 'public',
    device.version ?? '-',
    device.lastSeenAt ? ago(now - Date.parse(device.lastSeenAt)) : 'never',
    device.state.replace('_', '-'),
    device.crashesLastHour !== undefined ? String(device.crashesLastHour) : '-',
    device.rendererMemoryMiB !== undefined ? device.rendererMemoryMiB.toFixed(0) : '-',
  ])
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column]!.length)),
  )
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
