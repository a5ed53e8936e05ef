import type { FastifyRequest } from 'fastify'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { requireDevice } from '../http'
import { limits } from '../limits'
import { newSessionToken, sha256 } from '../security/secrets'
import type { Actor } from './audit'
import { liveSession } from './bearer-sessions'
import { findStaffByEmail, type StaffRow } from './staff-accounts'
import { admitSignInAttempt, signInFailed, signInSucceeded, staffSignIns } from './sign-in-throttle'

export const STAFF_SESSION_HEADER = 'x-staff-session'

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
export async function requireCounterDevice(
  ctx: ServiceContext,
  request: FastifyRequest,
): Promise<string> {
  const deviceId = await requireDevice(ctx, request)
  if (request.headers['x-session'] !== undefined) throw apiError(403, 'forbidden')
  const device = await ctx.db
    .selectFrom('devices')
    .select('counter')
    .where('id', '=', deviceId)
    .executeTakeFirstOrThrow()
  if (!device.counter) throw apiError(403, 'not_counter_device')
  return deviceId
}

/**
 * The named staff member behind `X-Staff-Session`: 10 min idle, 8 h at most, only on the counter
 * device that signed in, ended by sign-out, by the kiosk's wipe, and by disabling the staff member.
 */
export async function requireStaff(
  ctx: ServiceContext,
  request: FastifyRequest,
): Promise<StaffCaller> {
  const deviceId = await requireCounterDevice(ctx, request)
  const { session, tokenHash, now } = await liveSession(
    ctx,
    {
      table: 'staff_sessions',
      owner: 'staff_id',
      idleMs: limits.staffSessionIdleMs,
      expiredCode: 'staff_session_expired',
    },
    request.headers[STAFF_SESSION_HEADER],
    deviceId,
  )
  const staff = await ctx.db
    .selectFrom('staff')
    .select(['id', 'email', 'name'])
    .where('id', '=', session.staff_id)
    .where('disabled', '=', 0)
    .executeTakeFirst()
  if (!staff) throw apiError(401, 'staff_session_expired')
  await ctx.db
    .updateTable('staff_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute()
  return { staffId: staff.id, staff, deviceId, tokenHash }
}

/**
 * Staff sign-in on a counter device. Failures are counted per staff address, known or not (five
 * lock it for 15 minutes); a staff member who has not enrolled yet fails like a wrong password.
 */
export async function signInStaff(
  ctx: ServiceContext,
  deviceId: string,
  input: { email: string; password: string },
): Promise<{ staff: StaffRow; token: string; expiresAt: number }> {
  await admitSignInAttempt(ctx, input.email, staffSignIns)
  const staff = await findStaffByEmail(ctx, input.email)
  const stored = staff && !staff.disabled ? staff.password_hash : null
  let right = false
  if (stored) right = await ctx.hasher.verify(input.password, stored)
  else await ctx.hasher.burn(input.password)
  if (!right || !staff) return signInFailed(ctx, input.email, staffSignIns)
  await signInSucceeded(ctx, input.email, staffSignIns)
  const token = newSessionToken()
  const now = ctx.clock.now()
  const expiresAt = now + limits.staffSessionAbsoluteMs
  await ctx.db
    .insertInto('staff_sessions')
    .values({
      token_hash: sha256(token),
      staff_id: staff.id,
      device_id: deviceId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute()
  return { staff, token, expiresAt }
}

/** Ends a staff session in one conditional statement: of two overlapping ends, one ends it. */
export async function endStaffSession(ctx: ServiceContext, tokenHash: string): Promise<boolean> {
  const ended = await ctx.db
    .updateTable('staff_sessions')
    .set({ revoked_at: ctx.clock.now() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return ended.numUpdatedRows === 1n
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
