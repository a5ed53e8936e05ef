import type { Selectable } from 'kysely'
import type { ItChannel } from '@shared/api/console/audit-detail'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import type { StaffTable } from '../db/schema'
import { inTransaction } from '../db/transactions'
import { apiError } from '../errors'
import { limits } from '../limits'
import { enforcePasswordPolicy } from '../security/password-policy'
import { recordAudit } from './audit'
import { splitName } from './enrolment-codes'
import {
  formatEnrolmentCode,
  hashCode,
  newEnrolmentCode,
  newId,
  sameHash,
} from '../security/secrets'

/** A staff member of the registrar's office: named, enrolled by IT, never a shared secret. */
export type StaffRow = Selectable<StaffTable>

/** Named, never `*`: a prepared statement's columns then survive a migration adding one. */
const STAFF_COLUMNS = [
  'id',
  'email',
  'name',
  'password_hash',
  'enrolment_code_hash',
  'enrolment_expires_at',
  'enrolment_attempts_left',
  'disabled',
  'created_at',
  'enrolled_at',
] as const

export function findStaffByEmail(
  ctx: ServiceContext,
  email: string,
): Promise<StaffRow | undefined> {
  return ctx.db
    .selectFrom('staff')
    .select(STAFF_COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst()
}

/** A new one-time enrolment code for a staff member; returns it formatted, for IT to hand over. */
async function issueEnrolmentCode(ctx: ServiceContext, staffId: string): Promise<string> {
  const code = newEnrolmentCode()
  await ctx.db
    .updateTable('staff')
    .set({
      enrolment_code_hash: hashCode(ctx.serviceKey, staffId, code),
      enrolment_expires_at: ctx.clock.now() + limits.enrolmentCodeLifetimeMs,
      enrolment_attempts_left: limits.enrolmentCodeAttempts,
    })
    .where('id', '=', staffId)
    .execute()
  return formatEnrolmentCode(code)
}

/**
 * `service staff add`: a staff account waiting for its enrolment; returns the one-time code.
 * `staff.email` is UNIQUE: of two adds at once, one fails.
 */
export function addStaff(ctx: ServiceContext, email: string, name: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    if (await findStaffByEmail(tx, email)) throw new Error(`staff ${email} already exists`)
    const id = newId()
    await tx.db
      .insertInto('staff')
      .values({ id, email, name, created_at: tx.clock.now() })
      .execute()
    await liftStaffLock(tx, email)
    return issueEnrolmentCode(tx, id)
  })
}

/**
 * `service staff reset`: a forgotten password, a code that expired, or a lock. The password and
 * every session end at once, the sign-in lock and the failed enrolment tries are lifted (as a
 * student's password reset lifts theirs), and a new code lets the person enrol again. A sign-in
 * checked against the old password meanwhile cannot land: its session is inserted only while the
 * hash it verified is still the one stored (staff-sessions.ts).
 */
export function resetStaff(ctx: ServiceContext, email: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const staff = await findStaffByEmail(tx, email)
    if (!staff) throw new Error(`no staff ${email}`)
    await tx.db
      .updateTable('staff')
      .set({ password_hash: null, enrolled_at: null, disabled: 0 })
      .where('id', '=', staff.id)
      .execute()
    await endStaffSessions(tx, staff.id)
    await liftStaffLock(tx, email)
    return issueEnrolmentCode(tx, staff.id)
  })
}

/**
 * `service staff disable`: someone who left. Their sessions end now, and their password hash is
 * erased (docs/data-retention.md): the address and name stay, for the audit's join, the hash
 * never. Enrolling again needs `staff reset`.
 */
export function disableStaff(ctx: ServiceContext, email: string): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const staff = await findStaffByEmail(tx, email)
    if (!staff) throw new Error(`no staff ${email}`)
    await tx.db
      .updateTable('staff')
      .set({
        disabled: 1,
        password_hash: null,
        enrolment_code_hash: null,
        enrolment_attempts_left: 0,
      })
      .where('id', '=', staff.id)
      .execute()
    await endStaffSessions(tx, staff.id)
  })
}

/**
 * Lifts a staff address's sign-in lock and forgets its failures and failed enrolment tries: what
 * IT does when someone keeps a colleague locked out (`service staff unlock`, the console), and
 * what `staff reset` does. One `DELETE` per table. True if there was anything to lift.
 */
export async function liftStaffLock(ctx: ServiceContext, email: string): Promise<boolean> {
  const signIns = await ctx.db
    .deleteFrom('staff_sign_in_throttle')
    .where('email', '=', email)
    .executeTakeFirst()
  const enrolments = await ctx.db
    .deleteFrom('staff_enrolment_throttle')
    .where('email', '=', email)
    .executeTakeFirst()
  return signIns.numDeletedRows + enrolments.numDeletedRows > 0n
}

/** `service staff unlock` and the console: IT lifts the lock, and the audit says so. */
export function unlockStaff(ctx: ServiceContext, email: string, by: ItChannel): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const lifted = await liftStaffLock(tx, email)
    await recordAudit(
      tx,
      { staffId: null, deviceId: null },
      {
        action: 'staff_unlock',
        target: email,
        detail: by,
        result: lifted ? 'ok' : 'not_applicable',
      },
    )
    return lifted
  })
}

export async function endStaffSessions(ctx: ServiceContext, staffId: string): Promise<void> {
  await ctx.db
    .updateTable('staff_sessions')
    .set({ revoked_at: ctx.clock.now() })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .execute()
}

export async function listStaff(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('staff').select(STAFF_COLUMNS).orderBy('email').execute()
  return rows.map((row) => ({
    email: row.email,
    name: row.name,
    state: row.disabled
      ? 'disabled'
      : row.password_hash
        ? 'enrolled'
        : row.enrolment_expires_at > ctx.clock.now()
          ? 'waiting for enrolment'
          : 'enrolment code expired',
  }))
}

/** The MAC an unknown address's code is compared with: the same work as for a known one. */
const NO_STAFF = { id: 'no-staff', enrolment_code_hash: '0'.repeat(64) }

/**
 * A wrong enrolment try, counted per address whether or not it is a staff address, in one
 * conditional upsert (`… DO UPDATE … WHERE failures < limit RETURNING`), so overlapping tries
 * cannot exceed five (PostgreSQL re-reads the conflicting row under its lock). The fifth kills
 * the code of a staff member at that address (a no-op for any other address: the same
 * statements run for all). The answer depends only on the count.
 */
async function wrongEnrolment(ctx: ServiceContext, email: string, now: number) {
  const limit = limits.enrolmentCodeAttempts
  const throttle = sql.table('staff_enrolment_throttle')
  const counted = await ctx.db
    .insertInto('staff_enrolment_throttle')
    .values({ email, failures: 1, last_attempt_at: now })
    .onConflict((conflict) =>
      conflict
        .column('email')
        .doUpdateSet({ failures: sql`${throttle}.failures + 1`, last_attempt_at: now })
        .where(sql<boolean>`${throttle}.failures < ${limit}`),
    )
    .returning('failures')
    .executeTakeFirst()
  if (!counted || counted.failures >= limit) {
    await ctx.db
      .updateTable('staff')
      .set({ enrolment_code_hash: null, enrolment_attempts_left: 0 })
      .where('email', '=', email)
      .execute()
    return apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
  }
  return apiError(422, 'invalid_code', { attemptsLeft: limit - counted.failures })
}

/**
 * Enrolment at the counter: the one-time code IT printed, and a password under the same policy
 * as students'. Staff addresses are not enumerable (issue 25, rule 6): an unknown address, one
 * waiting for its enrolment, and one whose code is dead (used, expired, disabled, five wrong
 * tries) all answer a wrong code alike, with the same statements (`wrongEnrolment`). Only the
 * right code of a live enrolment goes further; of overlapping enrolments with it, exactly one
 * sets a password (a conditional `UPDATE … WHERE enrolment_code_hash = ?`).
 */
export async function enrolStaff(
  ctx: ServiceContext,
  input: { email: string; code: string; password: string },
): Promise<StaffRow> {
  const staff = await findStaffByEmail(ctx, input.email)
  const now = ctx.clock.now()
  const stored = staff?.enrolment_code_hash ? staff : NO_STAFF
  const codeHash = hashCode(ctx.serviceKey, stored.id, input.code)
  const right = sameHash(codeHash, stored.enrolment_code_hash!)
  const live =
    staff !== undefined &&
    !staff.disabled &&
    staff.enrolment_expires_at > now &&
    staff.enrolment_attempts_left > 0
  if (!right || !live) throw await inTransaction(ctx, (tx) => wrongEnrolment(tx, input.email, now))
  enforcePasswordPolicy(input.password, { email: staff.email, ...splitName(staff.name) })
  const passwordHash = await ctx.hasher.hash(input.password)
  const at = ctx.clock.now()
  const claimed = await ctx.db
    .updateTable('staff')
    .set({
      password_hash: passwordHash,
      enrolled_at: at,
      enrolment_code_hash: null,
      enrolment_attempts_left: 0,
    })
    .where('id', '=', staff.id)
    .where('enrolment_code_hash', '=', codeHash)
    .where('enrolment_attempts_left', '>', 0)
    .where('enrolment_expires_at', '>', at)
    .where('disabled', '=', 0)
    .executeTakeFirst()
  // Another enrolment with the same code won meanwhile: the code is used, answered like any other.
  if (claimed.numUpdatedRows !== 1n)
    throw await inTransaction(ctx, (tx) => wrongEnrolment(tx, input.email, at))
  return staff
}
