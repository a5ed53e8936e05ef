import type { ConsoleDevice } from '@shared/api/console/fleet'
import type { DeviceState } from '@shared/api/fleet'
import type { ServiceContext } from '../context'
import type { Db } from '../db/store'
import { inTransaction, oneAtATime } from '../db/transactions'
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
export async function recordFleetChanges(
  ctx: ServiceContext,
  devices: readonly ConsoleDevice[],
): Promise<number> {
  const now = ctx.clock.now()
  return inTransaction(ctx, async (tx) => {
    let recorded = 0
    const known = new Map(
      (await tx.db.selectFrom('fleet_alert_states').select(['device_id', 'state']).execute()).map(
        (row) => [row.device_id, row.state],
      ),
    )
    for (const device of devices) {
      const previous = known.get(device.id)
      if (previous === undefined)
        await tx.db
          .insertInto('fleet_alert_states')
          .values({ device_id: device.id, state: 'never_seen', since: now })
          .onConflict((conflict) => conflict.column('device_id').doNothing())
          .execute()
      const from = previous ?? 'never_seen'
      if (from === device.state) continue
      const moved = await tx.db
        .updateTable('fleet_alert_states')
        .set({ state: device.state, since: now })
        .where('device_id', '=', device.id)
        .where('state', '=', from)
        .executeTakeFirst()
      if (moved.numUpdatedRows !== 1n || !worthAlerting(from, device.state)) continue
      await tx.db
        .insertInto('fleet_alerts')
        .values({ device_id: device.id, state: device.state, previous_state: from, at: now })
        .execute()
      recorded++
    }
    return recorded
  })
}

interface AlertRow {
  id: number
  device: string
  state: DeviceState
  previous_state: DeviceState
  at: number
}

const pendingAlerts = (db: Db) =>
  db
    .selectFrom('fleet_alerts as f')
    .innerJoin('devices as d', 'd.id', 'f.device_id')
    .select(['f.id', 'd.name as device', 'f.state', 'f.previous_state', 'f.at'])
    .where('f.delivery', '=', 'pending')
    .orderBy('f.id')

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
 * Every instance runs it after each look at the fleet, one at a time (`oneAtATime`: the hourly
 * allowance is read, then spent), and each mail or digest is claimed by one conditional statement
 * before it is queued, so no two instances send the same one. Returns what was queued.
 */
export function dispatchFleetAlerts(
  ctx: ServiceContext,
): Promise<{ mails: number; digests: number }> {
  return oneAtATime(ctx, 'fleetAlerts', async (tx) => {
    const now = tx.clock.now()
    const recipients = await alertRecipients(tx)
    const sent = { mails: 0, digests: 0 }
    const { recent } = await tx.db
      .selectFrom('fleet_alerts')
      .select((eb) => eb.fn.countAll<number>().as('recent'))
      .where('delivery', '=', 'mail')
      .where('delivered_at', '>', now - limits.mailWindowMs)
      .executeTakeFirstOrThrow()
    let allowance = limits.fleetAlertMailsPerHour - recent
    const pending = (await pendingAlerts(tx.db).execute()) as AlertRow[]
    for (const alert of pending) {
      if (allowance <= 0) break
      const claimed = await tx.db
        .updateTable('fleet_alerts')
        .set({ delivery: 'mail', delivered_at: now })
        .where('id', '=', alert.id)
        .where('delivery', '=', 'pending')
        .executeTakeFirst()
      if (claimed.numUpdatedRows !== 1n) continue
      allowance--
      for (const to of recipients)
        await tx.mailer.enqueue(
          to.email,
          { kind: 'fleetAlert', change: toChange(alert), ...consoleLink(tx) },
          to.locale,
        )
      sent.mails++
    }
    if (pending.length <= sent.mails) return sent
    const digestDue = await tx.db
      .updateTable('fleet_alert_digest')
      .set({ last_sent_at: now })
      .where('id', '=', 1)
      .where('last_sent_at', '<=', now - limits.fleetAlertDigestEveryMs)
      .executeTakeFirst()
    if (digestDue.numUpdatedRows !== 1n) return sent
    const waiting = (await pendingAlerts(tx.db).execute()) as AlertRow[]
    const lastId = waiting.at(-1)?.id ?? 0
    await tx.db
      .updateTable('fleet_alerts')
      .set({ delivery: 'digest', delivered_at: now })
      .where('delivery', '=', 'pending')
      .where('id', '<=', lastId)
      .execute()
    if (waiting.length === 0) return sent
    for (const to of recipients)
      await tx.mailer.enqueue(
        to.email,
        { kind: 'fleetDigest', changes: waiting.map(toChange), ...consoleLink(tx) },
        to.locale,
      )
    sent.digests++
    return sent
  })
}
