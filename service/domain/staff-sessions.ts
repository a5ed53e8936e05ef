import type { FastifyRequest } from 'fastify'
import { iso } from '../clock'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { inTransaction } from '../db/transactions'
import { apiError } from '../errors'
import { requireDevice } from '../http'
import { limits } from '../limits'
import { verifyOrBurn } from '../security/passwords'
import { newSessionToken, sha256 } from '../security/secrets'
import type { Actor } from './audit'
import { liveSession } from './bearer-sessions'
import { deviceById } from './device-admin'
import { findStaffByEmail, type StaffRow } from './staff-accounts'
import {
  admitSignInAttempt,
  signInFailed,
  signInSucceeded,
  staffSignIns,
  whileAdmitted,
} from './sign-in-throttle'

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
): Promise<{ deviceId: string; roleVersion: number }> {
  const deviceId = await requireDevice(ctx, request)
  if (request.headers['x-session'] !== undefined) throw apiError(403, 'forbidden')
  const device = (await deviceById(ctx, deviceId))!
  if (!device.counter) throw apiError(403, 'not_counter_device')
  return { deviceId, roleVersion: device.role_version }
}

/**
 * The named staff member behind `X-Staff-Session`: 10 min idle, 8 h at most, only on the counter
 * device that signed in, ended by sign-out, by the kiosk's wipe, and by disabling the staff member.
 */
export async function requireStaff(
  ctx: ServiceContext,
  request: FastifyRequest,
): Promise<StaffCaller> {
  const { deviceId } = await requireCounterDevice(ctx, request)
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
  await admitSignInAttempt(ctx, input.email, staffSignIns)
  const { staff, stored, right } = await whileAdmitted(ctx, input.email, staffSignIns, async () => {
    const staff = await findStaffByEmail(ctx, input.email)
    const stored = staff && !staff.disabled ? staff.password_hash : null
    return { staff, stored, right: await verifyOrBurn(ctx.hasher, input.password, stored) }
  })
  if (!right || !staff || !stored) return signInFailed(ctx, input.email, staffSignIns)
  await signInSucceeded(ctx, input.email, staffSignIns)
  const token = newSessionToken()
  const now = ctx.clock.now()
  const expiresAt = now + limits.staffSessionAbsoluteMs
  await inTransaction(ctx, async (tx) => {
    const pg = tx.store.engine === 'postgres'
    // Sign-ins on one counter one at a time: each ends the session before it (on PostgreSQL the
    // device row's lock; the partial unique index would otherwise refuse the second insert).
    if (pg)
      await tx.db
        .selectFrom('devices')
        .select('id')
        .where('id', '=', device.deviceId)
        .forUpdate()
        .execute()
    await tx.db
      .updateTable('staff_sessions')
      .set({ revoked_at: now })
      .where('device_id', '=', device.deviceId)
      .where('revoked_at', 'is', null)
      .execute()
    const inserted = await tx.db
      .insertInto('staff_sessions')
      .columns(['token_hash', 'staff_id', 'device_id', 'created_at', 'last_seen_at', 'expires_at'])
      .expression((eb) =>
        eb
          .selectFrom(['staff as s', 'devices as d'])
          .select([
            sql<string>`CAST(${sha256(token)} AS TEXT)`.as('token_hash'),
            's.id',
            'd.id',
            sql<number>`CAST(${now} AS BIGINT)`.as('created_at'),
            sql<number>`CAST(${now} AS BIGINT)`.as('last_seen_at'),
            sql<number>`CAST(${expiresAt} AS BIGINT)`.as('expires_at'),
          ])
          .where('s.id', '=', staff.id)
          .where('s.password_hash', '=', stored)
          .where('s.disabled', '=', 0)
          .where('d.id', '=', device.deviceId)
          .where('d.counter', '=', 1)
          .where('d.disabled', '=', 0)
          .where('d.role_version', '=', device.roleVersion)
          .$if(pg, (query) => query.forShare()),
      )
      .executeTakeFirst()
    // What was verified no longer holds: roll back, the session on this counter stays.
    if (inserted.numInsertedOrUpdatedRows !== 1n) throw apiError(401, 'invalid_credentials')
  })
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
