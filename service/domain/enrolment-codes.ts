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
export async function issueEnrolmentCode(
  ctx: ServiceContext,
  table: EnrolledTable,
  id: string,
): Promise<{ code: string; expiresAt: number }> {
  const code = newEnrolmentCode()
  const expiresAt = ctx.clock.now() + limits.enrolmentCodeLifetimeMs
  await ctx.db
    .updateTable(table)
    .set({
      enrolment_code_hash: hashCode(ctx.serviceKey, id, code),
      enrolment_expires_at: expiresAt,
      enrolment_attempts_left: limits.enrolmentCodeAttempts,
    })
    .where('id', '=', id)
    .execute()
  return { code: formatEnrolmentCode(code), expiresAt }
}

async function endedEnrolment(ctx: ServiceContext, table: EnrolledTable, id: string) {
  const row = await ctx.db
    .selectFrom(table)
    .select(['enrolment_code_hash', 'enrolment_attempts_left'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
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
    const spent = await ctx.db
      .updateTable(table)
      .set((eb) => ({ enrolment_attempts_left: eb('enrolment_attempts_left', '-', 1) }))
      .where('id', '=', row.id)
      .where('enrolment_code_hash', 'is not', null)
      .where('enrolment_attempts_left', '>', 0)
      .where('enrolment_expires_at', '>', now)
      .returning('enrolment_attempts_left')
      .executeTakeFirst()
    if (!spent) throw await endedEnrolment(ctx, table, row.id)
    if (spent.enrolment_attempts_left === 0)
      throw apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
    throw apiError(422, 'invalid_code', { attemptsLeft: spent.enrolment_attempts_left })
  }
  if (row.enrolment_expires_at <= now || row.enrolment_attempts_left <= 0)
    throw await endedEnrolment(ctx, table, row.id)
  enforcePasswordPolicy(input.password, { email: row.email, ...splitName(row.name) })
  const passwordHash = await ctx.hasher.hash(input.password)
  const at = ctx.clock.now()
  const claimed = await ctx.db
    .updateTable(table)
    .set({
      password_hash: passwordHash,
      enrolled_at: at,
      enrolment_code_hash: null,
      enrolment_attempts_left: 0,
    })
    .where('id', '=', row.id)
    .where('enrolment_code_hash', '=', codeHash)
    .where('enrolment_attempts_left', '>', 0)
    .where('enrolment_expires_at', '>', at)
    .where('disabled', '=', 0)
    .executeTakeFirst()
  if (claimed.numUpdatedRows !== 1n) throw await endedEnrolment(ctx, table, row.id)
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
