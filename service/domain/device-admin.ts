import { randomBytes } from 'node:crypto'
import type { DeviceRole } from '@shared/api/console/fleet'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { newId, sha256 } from '../security/secrets'

/**
 * What IT does to devices (`service add-device`, `device-role`, the console's fleet page): the
 * token is drawn here, returned once, and only its hash is kept.
 */
export function addDevice(
  ctx: ServiceContext,
  name: string,
  role: DeviceRole,
): { id: string; token: string } {
  // 32 random bytes: stored as unsalted SHA-256, safe for random tokens only (token-strength.ts).
  const token = randomBytes(32).toString('base64url')
  const id = newId()
  ctx.db
    .prepare(
      'INSERT INTO devices (id, name, token_hash, counter, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(id, name, sha256(token), role === 'counter' ? 1 : 0, ctx.clock.now())
  return { id, token }
}

export function deviceNamed(ctx: ServiceContext, name: string): { id: string } | undefined {
  return ctx.db.prepare('SELECT id FROM devices WHERE name = ? ORDER BY created_at').get(name) as
    { id: string } | undefined
}

export function deviceById(
  ctx: ServiceContext,
  id: string,
):
  | { id: string; name: string; counter: number; disabled: number; role_version: number }
  | undefined {
  return ctx.db
    .prepare('SELECT id, name, counter, disabled, role_version FROM devices WHERE id = ?')
    .get(id) as
    | { id: string; name: string; counter: number; disabled: number; role_version: number }
    | undefined
}

/**
 * Whether staff may sign in on a device. Making it public ends the staff sessions on it at once:
 * a counter session must not outlive the counter. Each change counts (`role_version`): a staff
 * sign-in checked before it cannot land after it, even if the device is a counter again
 * (staff-sessions.ts, issue 25 rule 1).
 */
export function setDeviceRole(ctx: ServiceContext, id: string, role: DeviceRole): void {
  ctx.db.transaction(() => {
    const changed = ctx.db
      .prepare('UPDATE devices SET counter = ?, role_version = role_version + 1 WHERE id = ?')
      .run(role === 'counter' ? 1 : 0, id)
    if (changed.changes === 0) throw apiError(404, 'not_found')
    if (role === 'public')
      ctx.db
        .prepare(
          'UPDATE staff_sessions SET revoked_at = ? WHERE revoked_at IS NULL AND device_id = ?',
        )
        .run(ctx.clock.now(), id)
  })()
}

/**
 * Disables a device (the counter-desk hardening, rule 9): its token is refused from its next
 * request on, and the staff and student sessions on it end now. True if it was enabled.
 */
export function disableDevice(ctx: ServiceContext, id: string): boolean {
  return ctx.db.transaction(() => {
    const now = ctx.clock.now()
    const changed = ctx.db
      .prepare('UPDATE devices SET disabled = 1 WHERE id = ? AND disabled = 0')
      .run(id)
    if (changed.changes === 0) return false
    ctx.db
      .prepare(
        'UPDATE staff_sessions SET revoked_at = ? WHERE revoked_at IS NULL AND device_id = ?',
      )
      .run(now, id)
    ctx.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL AND device_id = ?')
      .run(now, id)
    return true
  })()
}
