import type { ServiceContext } from '../context'
import { preparedQuery } from '../db/prepared-query'
import { inTransaction, lockDeviceTokens } from '../db/transactions'
import { apiError } from '../errors'
import { assertStrongToken } from '../security/token-strength'
import { newId, sha256 } from '../security/secrets'
import { disableDevice } from './device-admin'
import { recordAudit } from './audit'
import type { ItChannel } from '@shared/api/console/audit-detail'

/**
 * The fleet's devices: a device token (stored as its SHA-256 only), a name, a role (public kiosk
 * or counter), and a disabled flag IT sets when a kiosk is stolen or retired
 * (docs/deployment.md, "Counter desks" and "Fleet health").
 */
export interface DeviceRow {
  id: string
  name: string
  counter: number
  disabled: number
  /** Counts the changes of role: a staff sign-in lands only on the role it started on. */
  role_version: number
}

/** The enabled device a token belongs to, if any: every kiosk call starts here. */
/** Every kiosk call asks it: compiled once (service/db/prepared-query.ts). */
const enabledDevice = preparedQuery((db, params: { tokenHash: string }) =>
  db
    .selectFrom('devices')
    .select(['id', 'name', 'counter', 'disabled', 'role_version'])
    .where('token_hash', '=', params.tokenHash)
    .where('disabled', '=', 0),
)

export async function enabledDeviceByToken(
  ctx: ServiceContext,
  token: string,
): Promise<DeviceRow | undefined> {
  const [row] = await enabledDevice(ctx.db, { tokenHash: sha256(token) })
  return row
}

/**
 * Tokens given at start (from a file, the environment or systemd credentials): each adds its
 * device if it is new, and changes nothing about a device the database knows. The database is
 * the record of what IT decided (a role, a disabled device, a replaced token); a restart must not
 * undo it: a token IT replaced (`retired_device_tokens`) adds nothing.
 * `ON CONFLICT DO NOTHING` on the unique token hash is one statement on SQLite and PostgreSQL.
 */
export async function registerDevicesAtStart(
  ctx: ServiceContext,
  tokens: readonly string[],
  role: { counter: boolean; requireStrong: boolean },
): Promise<void> {
  const prefix = role.counter ? 'counter' : 'device'
  for (const [index, token] of tokens.entries()) {
    if (role.requireStrong) assertStrongToken(token, `${prefix} token ${index + 1}`)
    const added = await inTransaction(ctx, async (tx) => {
      // Not while a replacement retires it (device-admin.ts); the database's trigger also keeps
      // an older release from adding a retired token.
      await lockDeviceTokens(tx)
      const retired = await tx.db
        .selectFrom('retired_device_tokens')
        .select('device_id')
        .where('token_hash', '=', sha256(token))
        .executeTakeFirst()
      if (retired) return false
      await tx.db
        .insertInto('devices')
        .values({
          id: newId(),
          name: `${prefix}-${index + 1}`,
          token_hash: sha256(token),
          counter: role.counter ? 1 : 0,
          created_at: tx.clock.now(),
        })
        .onConflict((conflict) => conflict.column('token_hash').doNothing())
        .execute()
      return true
    })
    // Said without the token: which line of the start tokens to remove.
    if (!added)
      console.error(
        `${prefix} token ${index + 1} given at start was replaced (a new token for its device): it adds no device; remove it`,
      )
  }
}

/** Who disabled a device: IT at the command line, or through the admin API (the console). */
export type DeviceDisabledBy = ItChannel

/**
 * Disables a device for IT at the command line or the admin API (the console audits its own):
 * a stolen kiosk, a retired one. Its token is refused from the next request on (every check reads
 * `disabled = 0`), and every student and staff session made on it ends now
 * (`disableDevice` in device-admin.ts).
 * A sign-in being checked meanwhile cannot land either: session inserts are conditional on the
 * device being enabled (rule 1 of issue 25). Audited, with who did it. One transaction: the flag,
 * the revocations and the audit row stand or fall together; disabling twice changes nothing more.
 * Throws 404 `not_found` for an unknown device.
 */
export function disableDeviceAudited(
  ctx: ServiceContext,
  device: { id: string } | { name: string },
  by: DeviceDisabledBy,
): Promise<DeviceRow> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('devices')
      .select(['id', 'name', 'counter', 'disabled', 'role_version'])
      .$if('id' in device, (query) => query.where('id', '=', (device as { id: string }).id))
      .$if('name' in device, (query) =>
        query.where('name', '=', (device as { name: string }).name).orderBy('created_at'),
      )
      .executeTakeFirst()
    if (!row) throw apiError(404, 'not_found')
    await disableDevice(tx, row.id)
    await recordAudit(
      tx,
      { staffId: null, deviceId: null },
      { action: 'device_disable', target: row.name, detail: by, result: 'ok' },
    )
    return { ...row, disabled: 1 }
  })
}
