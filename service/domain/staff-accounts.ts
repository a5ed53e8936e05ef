import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'
import { enforcePasswordPolicy } from '../security/password-policy'
import { recordAudit } from './audit'
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
    liftStaffLock(ctx, email)
    return issueEnrolmentCode(ctx, id)
  })()
}

/**
 * `service staff reset`: a forgotten password, a code that expired, or a lock. The password and
 * every session end at once, the sign-in lock and the failed enrolment tries are lifted (as a
 * student's password reset lifts theirs), and a new code lets the person enrol again. A sign-in
 * checked against the old password meanwhile cannot land: its session is inserted only while the
 * hash it verified is still the one stored (staff-sessions.ts).
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
    liftStaffLock(ctx, email)
    return issueEnrolmentCode(ctx, staff.id)
  })()
}

/**
 * `service staff disable`: someone who left. Their sessions end now, and their password hash is
 * erased (docs/data-retention.md): the address and name stay, for the audit's join, the hash
 * never. Enrolling again needs `staff reset`.
 */
export function disableStaff(ctx: ServiceContext, email: string): void {
  ctx.db.transaction(() => {
    const staff = findStaffByEmail(ctx, email)
    if (!staff) throw new Error(`no staff ${email}`)
    ctx.db
      .prepare(
        `UPDATE staff SET disabled = 1, password_hash = NULL, enrolment_code_hash = NULL,
           enrolment_attempts_left = 0 WHERE id = ?`,
      )
      .run(staff.id)
    endStaffSessions(ctx, staff.id)
  })()
}

/**
 * Lifts a staff address's sign-in lock and forgets its failures and failed enrolment tries: what
 * IT does when someone keeps a colleague locked out (`service staff unlock`, the console), and
 * what `staff reset` does. One `DELETE` per table. True if there was anything to lift.
 */
export function liftStaffLock(ctx: ServiceContext, email: string): boolean {
  const signIns = ctx.db.prepare('DELETE FROM staff_sign_in_throttle WHERE email = ?').run(email)
  const enrolments = ctx.db
    .prepare('DELETE FROM staff_enrolment_throttle WHERE email = ?')
    .run(email)
  return signIns.changes + enrolments.changes > 0
}

/** `service staff unlock` and the console: IT lifts the lock, and the audit says so. */
export function unlockStaff(ctx: ServiceContext, email: string, by: 'cli' | 'admin_api'): boolean {
  return ctx.db.transaction(() => {
    const lifted = liftStaffLock(ctx, email)
    recordAudit(
      ctx,
      { staffId: null, deviceId: null },
      {
        action: 'staff_unlock',
        target: email,
        detail: by,
        result: lifted ? 'ok' : 'not_applicable',
      },
    )
    return lifted
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

/** The MAC an unknown address's code is compared with: the same work as for a known one. */
const NO_STAFF = { id: 'no-staff', enrolment_code_hash: '0'.repeat(64) }

/**
 * A wrong enrolment try, counted per address whether or not it is a staff address, in one
 * conditional upsert (`… DO UPDATE … WHERE failures < limit RETURNING`), so overlapping tries
 * cannot exceed five. The fifth kills the code of a staff member at that address (a no-op for
 * any other address: the same statements run for all). The answer depends only on the count.
 */
function wrongEnrolment(ctx: ServiceContext, email: string, now: number) {
  const limit = limits.enrolmentCodeAttempts
  const counted = ctx.db
    .prepare(
      `INSERT INTO staff_enrolment_throttle (email, failures, last_attempt_at)
       VALUES (:email, 1, :now)
       ON CONFLICT (email) DO UPDATE SET failures = failures + 1, last_attempt_at = :now
       WHERE staff_enrolment_throttle.failures < :limit
       RETURNING failures`,
    )
    .get({ email, now, limit }) as { failures: number } | undefined
  if (!counted || counted.failures >= limit) {
    ctx.db
      .prepare(
        'UPDATE staff SET enrolment_code_hash = NULL, enrolment_attempts_left = 0 WHERE email = ?',
      )
      .run(email)
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
  const staff = findStaffByEmail(ctx, input.email)
  const now = ctx.clock.now()
  const stored = staff?.enrolment_code_hash ? staff : NO_STAFF
  const codeHash = hashCode(ctx.serviceKey, stored.id, input.code)
  const right = sameHash(codeHash, stored.enrolment_code_hash!)
  const live =
    staff !== undefined &&
    !staff.disabled &&
    staff.enrolment_expires_at > now &&
    staff.enrolment_attempts_left > 0
  if (!right || !live) throw ctx.db.transaction(() => wrongEnrolment(ctx, input.email, now))()
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
  // Another enrolment with the same code won meanwhile: the code is used, answered like any other.
  if (claimed.changes !== 1) throw ctx.db.transaction(() => wrongEnrolment(ctx, input.email, at))()
  return staff
}

/** A display name's first and last words, so the password policy can refuse a password holding either. */
function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.split(/\s+/)
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') }
}
