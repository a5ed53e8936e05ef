import { randomBytes } from 'node:crypto'
import type { DeviceRole } from '@shared/api/console/fleet'
import type { ServiceContext } from '../context'
import { inTransaction, lockDeviceTokens } from '../db/transactions'
import { apiError } from '../errors'
import { newId, sha256 } from '../security/secrets'

/**
 * What IT does to devices (`service add-device`, `device-role`, the console's fleet page): the
 * token is drawn here, returned once, and only its hash is kept.
 */
export async function addDevice(
  ctx: ServiceContext,
  name: string,
  role: DeviceRole,
): Promise<{ id: string; token: string }> {
  // 32 random bytes: stored as unsalted SHA-256, safe for random tokens only (token-strength.ts).
  const token = randomBytes(32).toString('base64url')
  const id = newId()
  await ctx.db
    .insertInto('devices')
    .values({
      id,
      name,
      token_hash: sha256(token),
      counter: role === 'counter' ? 1 : 0,
      created_at: ctx.clock.now(),
    })
    .execute()
  return { id, token }
}

export function deviceNamed(
  ctx: ServiceContext,
  name: string,
): Promise<{ id: string } | undefined> {
  return ctx.db
    .selectFrom('devices')
    .select('id')
    .where('name', '=', name)
    .orderBy('created_at')
    .executeTakeFirst()
}

export function deviceById(
  ctx: ServiceContext,
  id: string,
): Promise<
  { id: string; name: string; counter: number; disabled: number; role_version: number } | undefined
> {
  return ctx.db
    .selectFrom('devices')
    .select(['id', 'name', 'counter', 'disabled', 'role_version'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * Whether staff may sign in on a device. Making it public ends the staff sessions on it at once:
 * a counter session must not outlive the counter. Each change counts (`role_version`): a staff
 * sign-in checked before it cannot land after it, even if the device is a counter again
 * (staff-sessions.ts, issue 25 rule 1).
 */
export async function setDeviceRole(
  ctx: ServiceContext,
  id: string,
  role: DeviceRole,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const changed = await tx.db
      .updateTable('devices')
      .set((eb) => ({
        counter: role === 'counter' ? 1 : 0,
        role_version: eb('role_version', '+', 1),
      }))
      .where('id', '=', id)
      .executeTakeFirst()
    if (changed.numUpdatedRows === 0n) throw apiError(404, 'not_found')
    if (role === 'public')
      await tx.db
        .updateTable('staff_sessions')
        .set({ revoked_at: tx.clock.now() })
        .where('revoked_at', 'is', null)
        .where('device_id', '=', id)
        .execute()
  })
}

/**
 * Disables a device (the counter-desk hardening, rule 9): its token is refused from its next
 * request on, and the staff and student sessions on it end now. True if it was enabled.
 */
export function disableDevice(ctx: ServiceContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now()
    const changed = await tx.db
      .updateTable('devices')
      .set({ disabled: 1 })
      .where('id', '=', id)
      .where('disabled', '=', 0)
      .executeTakeFirst()
    if (changed.numUpdatedRows === 0n) return false
    await endSessionsOn(tx, id, now)
    return true
  })
}

/** Every student and staff session made on a device ends now. */
async function endSessionsOn(tx: ServiceContext, deviceId: string, now: number): Promise<void> {
  for (const table of ['sessions', 'staff_sessions'] as const)
    await tx.db
      .updateTable(table)
      .set({ revoked_at: now })
      .where('revoked_at', 'is', null)
      .where('device_id', '=', deviceId)
      .execute()
}

/**
 * A new token for a device (`device token NAME`, the console's "New token"): a kiosk re-imaged,
 * a token that may have been copied, or a disabled device put back in service. The old token is
 * refused from its next request on, the student and staff sessions made with it end, and the
 * device is enabled again under its name, role and history. The old token is kept retired (its
 * hash): given again at a start, it adds no device. Its last heartbeat is forgotten, so the fleet
 * says "never seen" until the kiosk, provisioned again, beats with the new token. Of replacements
 * at once, the last one's token is the only one that works. `reenabled` says whether the device
 * was disabled until now, read under the same lock (the audit records it). Returns undefined for
 * an unknown device.
 */
export function replaceDeviceToken(
  ctx: ServiceContext,
  id: string,
): Promise<{ token: string; reenabled: boolean } | undefined> {
  // 32 random bytes, as addDevice draws them.
  const token = randomBytes(32).toString('base64url')
  return inTransaction(ctx, async (tx) => {
    // Of two replacements at once, the second reads the first one's token, and retires it; and a
    // start adding its tokens meanwhile sees the old one retired (devices.ts). On PostgreSQL the
    // device-token lock and the row's; SQLite's transaction holds the one write lock.
    await lockDeviceTokens(tx)
    const current = await tx.db
      .selectFrom('devices')
      .select(['token_hash', 'disabled'])
      .where('id', '=', id)
      .$if(tx.store.engine === 'postgres', (query) => query.forUpdate())
      .executeTakeFirst()
    if (!current) return undefined
    const now = tx.clock.now()
    // A new role version too: a staff sign-in checked with the old token cannot land after this.
    await tx.db
      .updateTable('devices')
      .set((eb) => ({
        token_hash: sha256(token),
        disabled: 0,
        role_version: eb('role_version', '+', 1),
      }))
      .where('id', '=', id)
      .execute()
    await tx.db
      .insertInto('retired_device_tokens')
      .values({ token_hash: current.token_hash, device_id: id, retired_at: now })
      .execute()
    await tx.db.deleteFrom('device_heartbeats').where('device_id', '=', id).execute()
    await endSessionsOn(tx, id, now)
    return { token, reenabled: current.disabled !== 0 }
  })
}
