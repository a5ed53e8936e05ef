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
export function admitSignInAttempt(
  ctx: ServiceContext,
  email: string,
  rules: ThrottleRules = studentSignIns,
): void {
  const now = ctx.clock.now()
  // Failures older than this are forgotten; a check older than a lock period died with its
  // request (a crash) and no longer holds its place.
  const forgetBefore = now - limits.signInFailureResetMs
  const staleBefore = now - rules.lockMs
  const admitted = ctx.db
    .prepare(
      `INSERT INTO ${rules.table} (email, failures, in_flight, locked_until, last_attempt_at)
       VALUES (:email, 0, 1, 0, :now)
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN last_attempt_at <= :forgetBefore THEN 0 ELSE failures END,
         in_flight = CASE WHEN last_attempt_at <= :staleBefore THEN 1 ELSE in_flight + 1 END,
         last_attempt_at = :now
       WHERE locked_until <= :now AND (failures + in_flight < :limit OR last_attempt_at <= :staleBefore)`,
    )
    .run({ email, now, forgetBefore, staleBefore, limit: rules.failuresBeforeLock })
  if (admitted.changes === 1) return
  const row = ctx.db
    .prepare(`SELECT locked_until FROM ${rules.table} WHERE email = ?`)
    .get(email) as { locked_until: number }
  if (row.locked_until > now)
    throw apiError(423, 'account_locked', {
      retryAfterSeconds: Math.ceil((row.locked_until - now) / 1000),
    })
  // Every allowed check is running right now: whether they lock is not known yet.
  throw apiError(429, 'rate_limited', { retryAfterSeconds: 1 })
}

/** A wrong password: the tenth failure (staff: the fifth) locks the address for 15 minutes. */
export function signInFailed(
  ctx: ServiceContext,
  email: string,
  rules: ThrottleRules = studentSignIns,
): never {
  const until = ctx.clock.now() + rules.lockMs
  const row = ctx.db
    .prepare(
      `UPDATE ${rules.table} SET
         in_flight = max(in_flight - 1, 0),
         failures = CASE WHEN failures + 1 >= :limit THEN 0 ELSE failures + 1 END,
         locked_until = CASE WHEN failures + 1 >= :limit THEN :until ELSE locked_until END
       WHERE email = :email RETURNING locked_until`,
    )
    .get({ email, until, limit: rules.failuresBeforeLock }) as { locked_until: number } | undefined
  if (row?.locked_until === until)
    throw apiError(423, 'account_locked', { retryAfterSeconds: rules.lockMs / 1000 })
  throw apiError(401, 'invalid_credentials')
}

/** A right password forgets the failures (a lock another request set meanwhile stays). */
export function signInSucceeded(
  ctx: ServiceContext,
  email: string,
  rules: ThrottleRules = studentSignIns,
): void {
  ctx.db
    .prepare(
      `UPDATE ${rules.table} SET in_flight = max(in_flight - 1, 0), failures = 0 WHERE email = ?`,
    )
    .run(email)
}

/**
 * A password reset lifts the lock (the person proved they read the mail), and so does staff at
 * the counter (they saw the person). True if there was something to lift.
 */
export function clearSignInThrottle(ctx: ServiceContext, email: string): boolean {
  return ctx.db.prepare('DELETE FROM sign_in_throttle WHERE email = ?').run(email).changes > 0
}

/** Failures counted now and the end of a lock in force, for the counter's look-up. */
export function signInThrottleOf(
  ctx: ServiceContext,
  email: string,
): { failures: number; lockedUntil?: number } {
  const row = ctx.db
    .prepare('SELECT failures, locked_until, last_attempt_at FROM sign_in_throttle WHERE email = ?')
    .get(email) as { failures: number; locked_until: number; last_attempt_at: number } | undefined
  if (!row) return { failures: 0 }
  const now = ctx.clock.now()
  const failures = row.last_attempt_at <= now - limits.signInFailureResetMs ? 0 : row.failures
  return { failures, ...(row.locked_until > now ? { lockedUntil: row.locked_until } : {}) }
}
