import type { ServiceContext } from '../context'
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
export interface StaffRow {
  id: string
  email: string
  name: string
  password_hash: string | null
  enrolment_code_hash: string | null
  enrolment_expires_at: number
  enrolment_attempts_left: number
  disabled: number
  created_at: number
  enrolled_at: number | null
}

export function findStaffByEmail(ctx: ServiceContext, email: string): StaffRow | undefined {
  return ctx.db.prepare('SELECT * FROM staff WHERE email = ?').get(email) as StaffRow | undefined
}

/** A new one-time enrolment code for a staff member; returns it formatted, for IT to hand over. */
function issueEnrolmentCode(ctx: ServiceContext, staffId: string): string {
  const code = newEnrolmentCode()
  ctx.db
    .prepare(
      `UPDATE staff SET enrolment_code_hash = ?, enrolment_expires_at = ?, enrolment_attempts_left = ?
       WHERE id = ?`,
    )
    .run(
      hashCode(ctx.serviceKey, staffId, code),
      ctx.clock.now() + limits.enrolmentCodeLifetimeMs,
      limits.enrolmentCodeAttempts,
      staffId,
    )
  return formatEnrolmentCode(code)
}

/** `service staff add`: a staff account waiting for its enrolment; returns the one-time code. */
export function addStaff(ctx: ServiceContext, email: string, name: string): string {
  return ctx.db.transaction(() => {
    if (findStaffByEmail(ctx, email)) throw new Error(`staff ${email} already exists`)
    const id = newId()
    ctx.db
      .prepare('INSERT INTO staff (id, email, name, created_at) VALUES (?, ?, ?, ?)')
      .run(id, email, name, ctx.clock.now())
    return issueEnrolmentCode(ctx, id)
  })()
}

/**
 * `service staff reset`: a forgotten password, or a code that expired. The password and every
 * session end at once; a new code lets the person enrol again.
 */
export function resetStaff(ctx: ServiceContext, email: string): string {
  return ctx.db.transaction(() => {
    const staff = findStaffByEmail(ctx, email)
    if (!staff) throw new Error(`no staff ${email}`)
    ctx.db
      .prepare(
        'UPDATE staff SET password_hash = NULL, enrolled_at = NULL, disabled = 0 WHERE id = ?',
      )
      .run(staff.id)
    endStaffSessions(ctx, staff.id)
    return issueEnrolmentCode(ctx, staff.id)
  })()
}

/** `service staff disable`: someone who left; their sessions end now. */
export function disableStaff(ctx: ServiceContext, email: string): void {
  ctx.db.transaction(() => {
    const staff = findStaffByEmail(ctx, email)
    if (!staff) throw new Error(`no staff ${email}`)
    ctx.db
      .prepare(
        'UPDATE staff SET disabled = 1, enrolment_code_hash = NULL, enrolment_attempts_left = 0 WHERE id = ?',
      )
      .run(staff.id)
    endStaffSessions(ctx, staff.id)
  })()
}

export function endStaffSessions(ctx: ServiceContext, staffId: string): void {
  ctx.db
    .prepare('UPDATE staff_sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL')
    .run(ctx.clock.now(), staffId)
}

export function listStaff(ctx: ServiceContext) {
  const rows = ctx.db.prepare('SELECT * FROM staff ORDER BY email').all() as StaffRow[]
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
function endedEnrolment(ctx: ServiceContext, staffId: string) {
  const row = ctx.db
    .prepare('SELECT enrolment_code_hash, enrolment_attempts_left FROM staff WHERE id = ?')
    .get(staffId) as Pick<StaffRow, 'enrolment_code_hash' | 'enrolment_attempts_left'>
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
  const staff = findStaffByEmail(ctx, input.email)
  const now = ctx.clock.now()
  if (!staff || staff.disabled || !staff.enrolment_code_hash) throw apiError(410, 'code_expired')
  const codeHash = hashCode(ctx.serviceKey, staff.id, input.code)
  if (!sameHash(codeHash, staff.enrolment_code_hash)) {
    const spent = ctx.db
      .prepare(
        `UPDATE staff SET enrolment_attempts_left = enrolment_attempts_left - 1
         WHERE id = ? AND enrolment_code_hash IS NOT NULL AND enrolment_attempts_left > 0
           AND enrolment_expires_at > ? RETURNING enrolment_attempts_left`,
      )
      .get(staff.id, now) as { enrolment_attempts_left: number } | undefined
    if (!spent) throw endedEnrolment(ctx, staff.id)
    if (spent.enrolment_attempts_left === 0)
      throw apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
    throw apiError(422, 'invalid_code', { attemptsLeft: spent.enrolment_attempts_left })
  }
  if (staff.enrolment_expires_at <= now || staff.enrolment_attempts_left <= 0)
    throw endedEnrolment(ctx, staff.id)
  enforcePasswordPolicy(input.password, { email: staff.email, ...splitName(staff.name) })
  const passwordHash = await ctx.hasher.hash(input.password)
  const at = ctx.clock.now()
  const claimed = ctx.db
    .prepare(
      `UPDATE staff SET password_hash = ?, enrolled_at = ?, enrolment_code_hash = NULL,
         enrolment_attempts_left = 0
       WHERE id = ? AND enrolment_code_hash = ? AND enrolment_attempts_left > 0
         AND enrolment_expires_at > ? AND disabled = 0`,
    )
    .run(passwordHash, at, staff.id, codeHash, at)
  if (claimed.changes !== 1) throw endedEnrolment(ctx, staff.id)
  return staff
}

/** A display name's first and last words, so the password policy can refuse a password holding either. */
function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.split(/\s+/)
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') }
}
