import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'

/** Which addresses a throttle counts, and its numbers: students' and staff's are kept apart. */
export interface ThrottleRules {
  table: 'sign_in_throttle' | 'staff_sign_in_throttle' | 'console_sign_in_throttle'
  failuresBeforeLock: number
  lockMs: number
}

export const studentSignIns: ThrottleRules = {
  table: 'sign_in_throttle',
  failuresBeforeLock: limits.signInFailuresBeforeLock,
  lockMs: limits.signInLockMs,
}

/** Console accounts: the students' numbers (issue 27), counted apart (docs/console.md). */
export const consoleSignIns: ThrottleRules = {
  table: 'console_sign_in_throttle',
  failuresBeforeLock: limits.signInFailuresBeforeLock,
  lockMs: limits.signInLockMs,
}

export const staffSignIns: ThrottleRules = {
  table: 'staff_sign_in_throttle',
  failuresBeforeLock: limits.staffSignInFailuresBeforeLock,
  lockMs: limits.staffSignInLockMs,
}

/**
 * Sign-in failures are counted per address, whether or not it has an account, so that a lock
 * says nothing about who is registered (docs/security.md, point 10). Each step is one statement:
 * a check is admitted only while failures plus checks already running stay under the limit, so
 * ten overlapping wrong passwords are ten checks and the eleventh is refused while they run; the
 * tenth failure locks; a success forgets the failures.
 */
export async function admitSignInAttempt(
  ctx: ServiceContext,
  email: string,
  rules: ThrottleRules = studentSignIns,
): Promise<void> {
  const now = ctx.clock.now()
  // Failures older than this are forgotten; a check older than a lock period died with its
  // request (a crash) and no longer holds its place.
  const forgetBefore = now - limits.signInFailureResetMs
  const staleBefore = now - rules.lockMs
  const table = rules.table as 'sign_in_throttle'
  const row = sql.table(table)
  // INSERT … ON CONFLICT DO UPDATE … WHERE: PostgreSQL locks the existing row and evaluates the
  // condition on its latest version, SQLite has one writer; either way one statement decides.
  const admitted = await ctx.db
    .insertInto(table)
    .values({ email, failures: 0, in_flight: 1, locked_until: 0, last_attempt_at: now })
    .onConflict((conflict) =>
      conflict
        .column('email')
        .doUpdateSet({
          failures: sql`CASE WHEN ${row}.last_attempt_at <= ${forgetBefore} THEN 0 ELSE ${row}.failures END`,
          in_flight: sql`CASE WHEN ${row}.last_attempt_at <= ${staleBefore} THEN 1 ELSE ${row}.in_flight + 1 END`,
          last_attempt_at: now,
        })
        .where(
          sql<boolean>`${row}.locked_until <= ${now} AND (${row}.failures + ${row}.in_flight < ${rules.failuresBeforeLock} OR ${row}.last_attempt_at <= ${staleBefore})`,
        ),
    )
    .executeTakeFirst()
  if (admitted.numInsertedOrUpdatedRows === 1n) return
  const { locked_until: lockedUntil } = await ctx.db
    .selectFrom(table)
    .select('locked_until')
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  if (lockedUntil > now)
    throw apiError(423, 'account_locked', {
      retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000),
    })
  // Every allowed check is running right now: whether they lock is not known yet.
  throw apiError(429, 'rate_limited', { retryAfterSeconds: 1 })
}

/** One check fewer running (never below zero: a row a retention run reset stays at zero). */
const oneCheckFewer = sql<number>`CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END`

/**
 * The work between an admitted check and its verdict (reading the hash, comparing it). If it
 * throws (the database, a damaged hash), the check gives its place back without counting a
 * failure, instead of holding it until a lock period has passed.
 */
export async function whileAdmitted<T>(
  ctx: ServiceContext,
  email: string,
  rules: ThrottleRules,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    await ctx.db
      .updateTable(rules.table as 'sign_in_throttle')
      .set({ in_flight: oneCheckFewer })
      .where('email', '=', email)
      .execute()
      .catch(() => undefined)
    throw error
  }
}

/** A wrong password: the tenth failure (staff: the fifth) locks the address for 15 minutes. */
export async function signInFailed(
  ctx: ServiceContext,
  email: string,
  rules: ThrottleRules = studentSignIns,
): Promise<never> {
  const until = ctx.clock.now() + rules.lockMs
  const locks = sql<boolean>`failures + 1 >= ${rules.failuresBeforeLock}`
  const row = await ctx.db
    .updateTable(rules.table as 'sign_in_throttle')
    .set({
      in_flight: oneCheckFewer,
      failures: sql`CASE WHEN ${locks} THEN 0 ELSE failures + 1 END`,
      locked_until: sql`CASE WHEN ${locks} THEN ${until} ELSE locked_until END`,
    })
    .where('email', '=', email)
    .returning('locked_until')
    .executeTakeFirst()
  if (row?.locked_until === until)
    throw apiError(423, 'account_locked', { retryAfterSeconds: rules.lockMs / 1000 })
  throw apiError(401, 'invalid_credentials')
}

/** A right password forgets the failures (a lock another request set meanwhile stays). */
export async function signInSucceeded(
  ctx: ServiceContext,
  email: string,
  rules: ThrottleRules = studentSignIns,
): Promise<void> {
  await ctx.db
    .updateTable(rules.table as 'sign_in_throttle')
    .set({ in_flight: oneCheckFewer, failures: 0 })
    .where('email', '=', email)
    .execute()
}

/**
 * A password reset lifts the lock (the person proved they read the mail), and so does staff at
 * the counter (they saw the person). True if there was something to lift.
 */
export async function clearSignInThrottle(ctx: ServiceContext, email: string): Promise<boolean> {
  const cleared = await ctx.db
    .deleteFrom('sign_in_throttle')
    .where('email', '=', email)
    .executeTakeFirst()
  return cleared.numDeletedRows > 0n
}

/** Failures counted now and the end of a lock in force, for the counter's look-up. */
export async function signInThrottleOf(
  ctx: ServiceContext,
  email: string,
): Promise<{ failures: number; lockedUntil?: number }> {
  const row = await ctx.db
    .selectFrom('sign_in_throttle')
    .select(['failures', 'locked_until', 'last_attempt_at'])
    .where('email', '=', email)
    .executeTakeFirst()
  if (!row) return { failures: 0 }
  const now = ctx.clock.now()
  const failures = row.last_attempt_at <= now - limits.signInFailureResetMs ? 0 : row.failures
  return { failures, ...(row.locked_until > now ? { lockedUntil: row.locked_until } : {}) }
}
