import type { FastifyRequest } from 'fastify'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { requireDevice } from '../http'
import { limits } from '../limits'
import { newSessionToken, sha256 } from '../security/secrets'
import type { Actor } from './audit'
import { liveSession, type BearerSessionRow } from './bearer-sessions'
import { deviceById } from './device-admin'
import { findStaffByEmail, type StaffRow } from './staff-accounts'
import { admitSignInAttempt, signInFailed, signInSucceeded, staffSignIns } from './sign-in-throttle'

export const STAFF_SESSION_HEADER = 'x-staff-session'

interface StaffSessionRow extends BearerSessionRow {
  staff_id: string
}

export interface StaffCaller extends Actor {
  staffId: string
  deviceId: string
  staff: Pick<StaffRow, 'id' | 'email' | 'name'>
  tokenHash: string
}

/**
 * Staff endpoints are for counter devices only: a public kiosk's token, even with a stolen staff
 * session, gets 403. A student's session is never a staff session (403 when one is presented).
 */
export function requireCounterDevice(
  ctx: ServiceContext,
  request: FastifyRequest,
): { deviceId: string; roleVersion: number } {
  const deviceId = requireDevice(ctx, request)
  if (request.headers['x-session'] !== undefined) throw apiError(403, 'forbidden')
  const device = deviceById(ctx, deviceId)!
  if (!device.counter) throw apiError(403, 'not_counter_device')
  return { deviceId, roleVersion: device.role_version }
}

/**
 * The named staff member behind `X-Staff-Session`: 10 min idle, 8 h at most, only on the counter
 * device that signed in, ended by sign-out, by the kiosk's wipe, and by disabling the staff member.
 */
export function requireStaff(ctx: ServiceContext, request: FastifyRequest): StaffCaller {
  const { deviceId } = requireCounterDevice(ctx, request)
  const { session, tokenHash, now } = liveSession<StaffSessionRow>(
    ctx,
    {
      table: 'staff_sessions',
      idleMs: limits.staffSessionIdleMs,
      expiredCode: 'staff_session_expired',
    },
    request.headers[STAFF_SESSION_HEADER],
    deviceId,
  )
  const staff = ctx.db
    .prepare('SELECT id, email, name FROM staff WHERE id = ? AND disabled = 0')
    .get(session.staff_id) as StaffCaller['staff'] | undefined
  if (!staff) throw apiError(401, 'staff_session_expired')
  ctx.db
    .prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?')
    .run(now, tokenHash)
  return { staffId: staff.id, staff, deviceId, tokenHash }
}

/**
 * Staff sign-in on a counter device. Failures are counted per staff address, known or not (five
 * lock it for 15 minutes); a staff member who has not enrolled yet fails like a wrong password.
 *
 * The session is made only if, when it is written, what was verified still holds (issue 25,
 * rule 1): the password hash that scrypt checked is still the stored one (`staff reset` clears
 * it), the staff member is not disabled, and the device is still an enabled counter whose role
 * has not changed since the sign-in began (`role_version`: public then counter again counts).
 * That is one `INSERT … SELECT … WHERE` statement; on PostgreSQL its SELECT must lock the rows it
 * reads (`FOR SHARE`), so that a reset or a role change running at the same time waits for it or
 * it for them. A second sign-in on the same counter ends the first session in the same
 * transaction; the partial unique index `staff_sessions_live_per_device` holds "one live staff
 * session per counter" on any engine.
 */
export async function signInStaff(
  ctx: ServiceContext,
  device: { deviceId: string; roleVersion: number },
  input: { email: string; password: string },
): Promise<{ staff: StaffRow; token: string; expiresAt: number }> {
  admitSignInAttempt(ctx, input.email, staffSignIns)
  const staff = findStaffByEmail(ctx, input.email)
  const stored = staff && !staff.disabled ? staff.password_hash : null
  let right = false
  if (stored) right = await ctx.hasher.verify(input.password, stored)
  else await ctx.hasher.burn(input.password)
  if (!right || !staff || !stored) signInFailed(ctx, input.email, staffSignIns)
  signInSucceeded(ctx, input.email, staffSignIns)
  const token = newSessionToken()
  const now = ctx.clock.now()
  const expiresAt = now + limits.staffSessionAbsoluteMs
  const opened = ctx.db.transaction(() => {
    ctx.db
      .prepare(
        'UPDATE staff_sessions SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL',
      )
      .run(now, device.deviceId)
    const inserted = ctx.db
      .prepare(
        `INSERT INTO staff_sessions (token_hash, staff_id, device_id, created_at, last_seen_at, expires_at)
         SELECT :tokenHash, s.id, d.id, :now, :now, :expiresAt FROM staff s, devices d
         WHERE s.id = :staffId AND s.password_hash = :verifiedHash AND s.disabled = 0
           AND d.id = :deviceId AND d.counter = 1 AND d.disabled = 0
           AND d.role_version = :roleVersion`,
      )
      .run({
        tokenHash: sha256(token),
        now,
        expiresAt,
        staffId: staff.id,
        verifiedHash: stored,
        deviceId: device.deviceId,
        roleVersion: device.roleVersion,
      })
    // What was verified no longer holds: roll back, the session on this counter stays.
    if (inserted.changes !== 1) throw apiError(401, 'invalid_credentials')
  })
  opened()
  return { staff, token, expiresAt }
}

/** Ends a staff session in one conditional statement: of two overlapping ends, one ends it. */
export function endStaffSession(ctx: ServiceContext, tokenHash: string): boolean {
  const ended = ctx.db
    .prepare('UPDATE staff_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
    .run(ctx.clock.now(), tokenHash)
  return ended.changes === 1
}

export const staffSessionAnswer = (session: {
  token: string
  expiresAt: number
  name: string
}) => ({
  staffSessionToken: session.token,
  expiresAt: iso(session.expiresAt),
  name: session.name,
})
