import type { ConsoleDevice } from '@shared/api/console/fleet'
import type { DeviceState } from '@shared/api/fleet'
import type { ServiceContext } from '../context'
import { limits } from '../limits'
import type { FleetChange } from '../mail/fleet-templates'
import { alertRecipients } from './console-accounts'

/** States IT is told about (docs/console.md): a kiosk down, crashing, or misconfigured. */
export const alertingStates: readonly DeviceState[] = [
  'stale',
  'crash_looping',
  'config_problem',
  'keychain_problem',
]
const alerting = (state: string) => (alertingStates as readonly string[]).includes(state)

/** Worth a mail: turning into an alerting state, or recovering from one to ok. */
export const worthAlerting = (previous: string, state: string) =>
  previous !== state && (alerting(state) || (alerting(previous) && state === 'ok'))

/**
 * Notes each device's state and records every change worth a mail. Each device's change is one
 * conditional statement (`… WHERE state = :previous`), so of two service processes looking at
 * the same change, exactly one records it. A device seen for the first time starts from
 * `never_seen`.
 */
export function recordFleetChanges(ctx: ServiceContext, devices: readonly ConsoleDevice[]): number {
  const now = ctx.clock.now()
  let recorded = 0
  ctx.db.transaction(() => {
    const known = new Map(
      (
        ctx.db.prepare('SELECT device_id, state FROM fleet_alert_states').all() as {
          device_id: string
          state: string
        }[]
      ).map((row) => [row.device_id, row.state]),
    )
    for (const device of devices) {
      const previous = known.get(device.id)
      if (previous === undefined) {
        ctx.db
          .prepare(
            `INSERT INTO fleet_alert_states (device_id, state, since) VALUES (?, 'never_seen', ?)
             ON CONFLICT (device_id) DO NOTHING`,
          )
          .run(device.id, now)
      }
      const from = previous ?? 'never_seen'
      if (from === device.state) continue
      const moved = ctx.db
        .prepare(
          'UPDATE fleet_alert_states SET state = ?, since = ? WHERE device_id = ? AND state = ?',
        )
        .run(device.state, now, device.id, from)
      if (moved.changes !== 1 || !worthAlerting(from, device.state)) continue
      ctx.db
        .prepare(
          'INSERT INTO fleet_alerts (device_id, state, previous_state, at) VALUES (?, ?, ?, ?)',
        )
        .run(device.id, device.state, from, now)
      recorded++
    }
  })()
  return recorded
}

interface AlertRow {
  id: number
  device: string
  state: DeviceState
  previous_state: DeviceState
  at: number
}

const pendingAlerts = `SELECT f.id, d.name AS device, f.state, f.previous_state, f.at
  FROM fleet_alerts f JOIN devices d ON d.id = f.device_id`

const consoleLink = (ctx: ServiceContext) =>
  ctx.consoleUrl ? { consoleUrl: `${ctx.consoleUrl}fleet` } : {}

const toChange = (row: AlertRow): FleetChange => ({
  device: row.device,
  state: row.state,
  previous: row.previous_state,
  at: row.at,
})

/**
 * Mails the recorded changes to the IT accounts that asked for alerts: one mail per device and
 * change while fewer than `fleetAlertMailsPerHour` went out in the last hour; past that (a storm:
 * the network went down under forty kiosks) the rest wait for a digest, at most one an hour.
 * Each mail or digest is claimed by one conditional statement before it is queued, so two
 * service processes never send the same one. Returns what was queued.
 */
export function dispatchFleetAlerts(ctx: ServiceContext): { mails: number; digests: number } {
  return ctx.db.transaction(() => {
    const now = ctx.clock.now()
    const recipients = alertRecipients(ctx)
    const sent = { mails: 0, digests: 0 }
    const { recent } = ctx.db
      .prepare(
        "SELECT count(*) AS recent FROM fleet_alerts WHERE delivery = 'mail' AND delivered_at > ?",
      )
      .get(now - limits.mailWindowMs) as { recent: number }
    let allowance = limits.fleetAlertMailsPerHour - recent
    const pending = ctx.db
      .prepare(`${pendingAlerts} WHERE f.delivery = 'pending' ORDER BY f.id`)
      .all() as AlertRow[]
    for (const alert of pending) {
      if (allowance <= 0) break
      const claimed = ctx.db
        .prepare(
          "UPDATE fleet_alerts SET delivery = 'mail', delivered_at = ? WHERE id = ? AND delivery = 'pending'",
        )
        .run(now, alert.id)
      if (claimed.changes !== 1) continue
      allowance--
      for (const to of recipients)
        ctx.mailer.enqueue(
          to.email,
          { kind: 'fleetAlert', change: toChange(alert), ...consoleLink(ctx) },
          to.locale,
        )
      sent.mails++
    }
    if (pending.length <= sent.mails) return sent
    const digestDue = ctx.db
      .prepare('UPDATE fleet_alert_digest SET last_sent_at = ? WHERE id = 1 AND last_sent_at <= ?')
      .run(now, now - limits.fleetAlertDigestEveryMs)
    if (digestDue.changes !== 1) return sent
    const waiting = ctx.db
      .prepare(`${pendingAlerts} WHERE f.delivery = 'pending' ORDER BY f.id`)
      .all() as AlertRow[]
    const lastId = waiting.at(-1)?.id ?? 0
    ctx.db
      .prepare(
        "UPDATE fleet_alerts SET delivery = 'digest', delivered_at = ? WHERE delivery = 'pending' AND id <= ?",
      )
      .run(now, lastId)
    if (waiting.length === 0) return sent
    for (const to of recipients)
      ctx.mailer.enqueue(
        to.email,
        { kind: 'fleetDigest', changes: waiting.map(toChange), ...consoleLink(ctx) },
        to.locale,
      )
    sent.digests++
    return sent
  })()
}
