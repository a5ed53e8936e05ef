import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'
import { enforcePasswordPolicy } from '../security/password-policy'
import { formatEnrolmentCode, hashCode, newEnrolmentCode, sameHash } from '../security/secrets'

/**
 * One-time enrolment codes for people IT (or the registrar) adds: printed once, kept only as a
 * MAC under the service key, 72 h, five wrong tries kill it, single use. Console accounts use it
 * (`console_accounts`); it has the shape of the counter staff's enrolment
 * (service/domain/staff-accounts.ts), whose table has the same columns.
 */
export type EnrolledTable = 'console_accounts'

export interface EnrollableRow {
  id: string
  email: string
  name: string
  password_hash: string | null
  enrolment_code_hash: string | null
  enrolment_expires_at: number
  enrolment_attempts_left: number
  disabled: number
}

/** A new code for a row (the old one dies); returns it formatted, for IT to hand over. */
export function issueEnrolmentCode(
  ctx: ServiceContext,
  table: EnrolledTable,
  id: string,
): { code: string; expiresAt: number } {
  const code = newEnrolmentCode()
  const expiresAt = ctx.clock.now() + limits.enrolmentCodeLifetimeMs
  ctx.db
    .prepare(
      `UPDATE ${table} SET enrolment_code_hash = ?, enrolment_expires_at = ?,
         enrolment_attempts_left = ? WHERE id = ?`,
    )
    .run(hashCode(ctx.serviceKey, id, code), expiresAt, limits.enrolmentCodeAttempts, id)
  return { code: formatEnrolmentCode(code), expiresAt }
}

function endedEnrolment(ctx: ServiceContext, table: EnrolledTable, id: string) {
  const row = ctx.db
    .prepare(`SELECT enrolment_code_hash, enrolment_attempts_left FROM ${table} WHERE id = ?`)
    .get(id) as Pick<EnrollableRow, 'enrolment_code_hash' | 'enrolment_attempts_left'>
  return row.enrolment_code_hash !== null && row.enrolment_attempts_left <= 0
    ? apiError(429, 'too_many_attempts')
    : apiError(410, 'code_expired')
}

/** A display name's first and last words, so the password policy can refuse a password holding either. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.split(/\s+/)
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') }
}

/**
 * Sets the password with the code. Each step is one conditional statement: a wrong code takes
 * one attempt where some are left; of overlapping enrolments with the right code exactly one sets
 * a password. An unknown or disabled address answers like a dead code (not enumerable).
 */
export async function enrolWithCode(
  ctx: ServiceContext,
  table: EnrolledTable,
  row: EnrollableRow | undefined,
  input: { code: string; password: string },
): Promise<void> {
  const now = ctx.clock.now()
  if (!row || row.disabled || !row.enrolment_code_hash) throw apiError(410, 'code_expired')
  const codeHash = hashCode(ctx.serviceKey, row.id, input.code)
  if (!sameHash(codeHash, row.enrolment_code_hash)) {
    const spent = ctx.db
      .prepare(
        `UPDATE ${table} SET enrolment_attempts_left = enrolment_attempts_left - 1
         WHERE id = ? AND enrolment_code_hash IS NOT NULL AND enrolment_attempts_left > 0
           AND enrolment_expires_at > ? RETURNING enrolment_attempts_left`,
      )
      .get(row.id, now) as { enrolment_attempts_left: number } | undefined
    if (!spent) throw endedEnrolment(ctx, table, row.id)
    if (spent.enrolment_attempts_left === 0)
      throw apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
    throw apiError(422, 'invalid_code', { attemptsLeft: spent.enrolment_attempts_left })
  }
  if (row.enrolment_expires_at <= now || row.enrolment_attempts_left <= 0)
    throw endedEnrolment(ctx, table, row.id)
  enforcePasswordPolicy(input.password, { email: row.email, ...splitName(row.name) })
  const passwordHash = await ctx.hasher.hash(input.password)
  const at = ctx.clock.now()
  const claimed = ctx.db
    .prepare(
      `UPDATE ${table} SET password_hash = ?, enrolled_at = ?, enrolment_code_hash = NULL,
         enrolment_attempts_left = 0
       WHERE id = ? AND enrolment_code_hash = ? AND enrolment_attempts_left > 0
         AND enrolment_expires_at > ? AND disabled = 0`,
    )
    .run(passwordHash, at, row.id, codeHash, at)
  if (claimed.changes !== 1) throw endedEnrolment(ctx, table, row.id)
}

/** What the console lists: enrolled, waiting for enrolment, code expired, disabled. */
export function enrolmentState(
  row: Pick<EnrollableRow, 'disabled' | 'password_hash' | 'enrolment_expires_at'>,
  now: number,
) {
  if (row.disabled) return 'disabled' as const
  if (row.password_hash) return 'enrolled' as const
  return row.enrolment_expires_at > now ? ('waiting' as const) : ('code_expired' as const)
}
