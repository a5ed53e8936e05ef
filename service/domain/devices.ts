import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { assertStrongToken } from '../security/token-strength'
import { newId, sha256 } from '../security/secrets'
import { disableDevice } from './device-admin'
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

/** Who disabled a device: IT at the command line, or through the admin API (the console). */
export type DeviceDisabledBy = 'cli' | 'admin_api'

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
): DeviceRow {
  return ctx.db.transaction(() => {
    const row = (
      'id' in device
        ? ctx.db
            .prepare('SELECT id, name, counter, disabled, role_version FROM devices WHERE id = ?')
            .get(device.id)
        : ctx.db
            .prepare(
              'SELECT id, name, counter, disabled, role_version FROM devices WHERE name = ? ORDER BY created_at',
            )
            .get(device.name)
    ) as DeviceRow | undefined
    if (!row) throw apiError(404, 'not_found')
    disableDevice(ctx, row.id)
    recordAudit(
      ctx,
      { staffId: null, deviceId: null },
      { action: 'device_disable', target: row.name, detail: by, result: 'ok' },
    )
    return { ...row, disabled: 1 }
  })()
}
