import type { Selectable } from 'kysely'
import type { ServiceContext } from '../context'
import type { StaffTable } from '../db/schema'
import { inTransaction } from '../db/transactions'
import { apiError } from '../errors'
import { limits } from '../limits'
import { enforcePasswordPolicy } from '../security/password-policy'
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
    return issueEnrolmentCode(tx, id)
  })
}

/**
 * `service staff reset`: a forgotten password, or a code that expired. The password and every
 * session end at once; a new code lets the person enrol again.
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
    return issueEnrolmentCode(tx, staff.id)
  })
}

/** `service staff disable`: someone who left; their sessions end now. */
export function disableStaff(ctx: ServiceContext, email: string): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const staff = await findStaffByEmail(tx, email)
    if (!staff) throw new Error(`no staff ${email}`)
    await tx.db
      .updateTable('staff')
      .set({ disabled: 1, enrolment_code_hash: null, enrolment_attempts_left: 0 })
      .where('id', '=', staff.id)
      .execute()
    await endStaffSessions(tx, staff.id)
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

/** Why an enrolment code cannot be checked any more, read fresh. */
async function endedEnrolment(ctx: ServiceContext, staffId: string) {
  const row = await ctx.db
    .selectFrom('staff')
    .select(['enrolment_code_hash', 'enrolment_attempts_left'])
    .where('id', '=', staffId)
    .executeTakeFirstOrThrow()
  return row.enrolment_code_hash !== null && row.enrolment_attempts_left <= 0
    ? apiError(429, 'too_many_attempts')
    : apiError(410, 'code_expired')
}

/**
 * Enrolment at the counter: the one-time code IT printed, and a password under the same policy
 * as students'. The code is single use and five wrong tries kill it, each step one conditional
 * statement: of overlapping enrolments with the right code exactly one sets a password.
 * An unknown or disabled address answers like a dead code (staff addresses are not enumerable).
 */
export async function enrolStaff(
  ctx: ServiceContext,
  input: { email: string; code: string; password: string },
): Promise<StaffRow> {
  const staff = await findStaffByEmail(ctx, input.email)
  const now = ctx.clock.now()
  if (!staff || staff.disabled || !staff.enrolment_code_hash) throw apiError(410, 'code_expired')
  const codeHash = hashCode(ctx.serviceKey, staff.id, input.code)
  if (!sameHash(codeHash, staff.enrolment_code_hash)) {
    const spent = await ctx.db
      .updateTable('staff')
      .set((eb) => ({ enrolment_attempts_left: eb('enrolment_attempts_left', '-', 1) }))
      .where('id', '=', staff.id)
      .where('enrolment_code_hash', 'is not', null)
      .where('enrolment_attempts_left', '>', 0)
      .where('enrolment_expires_at', '>', now)
      .returning('enrolment_attempts_left')
      .executeTakeFirst()
    if (!spent) throw await endedEnrolment(ctx, staff.id)
    if (spent.enrolment_attempts_left === 0)
      throw apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
    throw apiError(422, 'invalid_code', { attemptsLeft: spent.enrolment_attempts_left })
  }
  if (staff.enrolment_expires_at <= now || staff.enrolment_attempts_left <= 0)
    throw await endedEnrolment(ctx, staff.id)
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
  if (claimed.numUpdatedRows !== 1n) throw await endedEnrolment(ctx, staff.id)
  return staff
}

/** A display name's first and last words, so the password policy can refuse a password holding either. */
function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.split(/\s+/)
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') }
}
