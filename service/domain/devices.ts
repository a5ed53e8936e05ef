import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { assertStrongToken } from '../security/token-strength'
import { newDeviceToken, newId, sha256 } from '../security/secrets'
import { recordAudit } from './audit'

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
export function enabledDeviceByToken(ctx: ServiceContext, token: string): DeviceRow | undefined {
  return ctx.db
    .prepare(
      'SELECT id, name, counter, disabled, role_version FROM devices WHERE token_hash = ? AND disabled = 0',
    )
    .get(sha256(token)) as DeviceRow | undefined
}

export function deviceById(ctx: ServiceContext, id: string): DeviceRow | undefined {
  return ctx.db
    .prepare('SELECT id, name, counter, disabled, role_version FROM devices WHERE id = ?')
    .get(id) as DeviceRow | undefined
}

/**
 * Tokens given at start (from a file, the environment or systemd credentials): each adds its
 * device if it is new, and changes nothing about a device the database knows. The database is
 * the record of what IT decided (a role, a disabled device); a restart must not undo it.
 * `ON CONFLICT DO NOTHING` on the unique token hash is one statement on SQLite and PostgreSQL.
 */
export function registerDevicesAtStart(
  ctx: ServiceContext,
  tokens: readonly string[],
  role: { counter: boolean; requireStrong: boolean },
): void {
  const insert = ctx.db.prepare(
    `INSERT INTO devices (id, name, token_hash, counter, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (token_hash) DO NOTHING`,
  )
  const prefix = role.counter ? 'counter' : 'device'
  for (const [index, token] of tokens.entries()) {
    if (role.requireStrong) assertStrongToken(token, `${prefix} token ${index + 1}`)
    insert.run(
      newId(),
      `${prefix}-${index + 1}`,
      sha256(token),
      role.counter ? 1 : 0,
      ctx.clock.now(),
    )
  }
}

/** `add-device NAME [--counter]`: a new device and its token (256 random bits), shown once. */
export function addDevice(ctx: ServiceContext, name: string, counter: boolean): string {
  const token = newDeviceToken()
  ctx.db
    .prepare(
      'INSERT INTO devices (id, name, token_hash, counter, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(newId(), name, sha256(token), counter ? 1 : 0, ctx.clock.now())
  return token
}

/**
 * `device-role NAME counter|public`: whether staff may sign in on that device. Made public, its
 * staff sessions end; a staff sign-in checked meanwhile cannot land on it either (its session is
 * inserted only while the device is a counter, staff-sessions.ts). False if no such device.
 */
export function setDeviceRole(ctx: ServiceContext, name: string, counter: boolean): boolean {
  return ctx.db.transaction(() => {
    const changed = ctx.db
      .prepare('UPDATE devices SET counter = ?, role_version = role_version + 1 WHERE name = ?')
      .run(counter ? 1 : 0, name)
    if (changed.changes === 0) return false
    if (!counter)
      ctx.db
        .prepare(
          `UPDATE staff_sessions SET revoked_at = ? WHERE revoked_at IS NULL
           AND device_id IN (SELECT id FROM devices WHERE name = ?)`,
        )
        .run(ctx.clock.now(), name)
    return true
  })()
}

/** Who disabled a device: IT at the command line, or through the admin API (the console). */
export type DeviceDisabledBy = 'cli' | 'admin_api'

/**
 * Disables a device (a stolen kiosk, a retired one): its token is refused from the next request
 * on (every check reads `disabled = 0`), and every student and staff session made on it ends now.
 * A sign-in being checked meanwhile cannot land either: session inserts are conditional on the
 * device being enabled (rule 1 of issue 25). Audited, with who did it. One transaction: the flag,
 * the revocations and the audit row stand or fall together; disabling twice changes nothing more.
 * Throws 404 `not_found` for an unknown device.
 */
export function disableDevice(
  ctx: ServiceContext,
  device: { id: string } | { name: string },
  by: DeviceDisabledBy,
): DeviceRow {
  return ctx.db.transaction(() => {
    const row = (
      'id' in device
        ? ctx.db
            .prepare('SELECT id, name, counter, disabled, role_version FROM devices WHERE id = ?')
            .get(device.id)
        : ctx.db
            .prepare('SELECT id, name, counter, disabled, role_version FROM devices WHERE name = ?')
            .get(device.name)
    ) as DeviceRow | undefined
    if (!row) throw apiError(404, 'not_found')
    const now = ctx.clock.now()
    ctx.db.prepare('UPDATE devices SET disabled = 1 WHERE id = ?').run(row.id)
    ctx.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL')
      .run(now, row.id)
    ctx.db
      .prepare(
        'UPDATE staff_sessions SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL',
      )
      .run(now, row.id)
    recordAudit(
      ctx,
      { staffId: null, deviceId: null },
      { action: 'disable_device', target: row.name, detail: by, result: 'ok' },
    )
    return { ...row, disabled: 1 }
  })()
}
