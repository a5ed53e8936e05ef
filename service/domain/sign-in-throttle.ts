import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'

/**
 * Sign-in failures are counted per address, whether or not it has an account, so that a lock
 * says nothing about who is registered (docs/security.md, point 10). Each step is one statement:
 * a check is admitted only while failures plus checks already running stay under the limit, so
 * ten overlapping wrong passwords are ten checks and the eleventh is refused while they run; the
 * tenth failure locks; a success forgets the failures.
 */
export function admitSignInAttempt(ctx: ServiceContext, email: string): void {
  const now = ctx.clock.now()
  // Failures older than this are forgotten; a check older than a lock period died with its
  // request (a crash) and no longer holds its place.
  const forgetBefore = now - limits.signInFailureResetMs
  const staleBefore = now - limits.signInLockMs
  const admitted = ctx.db
    .prepare(
      `INSERT INTO sign_in_throttle (email, failures, in_flight, locked_until, last_attempt_at)
       VALUES (:email, 0, 1, 0, :now)
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN last_attempt_at <= :forgetBefore THEN 0 ELSE failures END,
         in_flight = CASE WHEN last_attempt_at <= :staleBefore THEN 1 ELSE in_flight + 1 END,
         last_attempt_at = :now
       WHERE locked_until <= :now AND (failures + in_flight < :limit OR last_attempt_at <= :staleBefore)`,
    )
    .run({ email, now, forgetBefore, staleBefore, limit: limits.signInFailuresBeforeLock })
  if (admitted.changes === 1) return
  const row = ctx.db
    .prepare('SELECT locked_until FROM sign_in_throttle WHERE email = ?')
    .get(email) as { locked_until: number }
  if (row.locked_until > now)
    throw apiError(423, 'account_locked', {
      retryAfterSeconds: Math.ceil((row.locked_until - now) / 1000),
    })
  // Every allowed check is running right now: whether they lock is not known yet.
  throw apiError(429, 'rate_limited', { retryAfterSeconds: 1 })
}

/** A wrong password: the tenth failure locks the address for 15 minutes. */
export function signInFailed(ctx: ServiceContext, email: string): never {
  const until = ctx.clock.now() + limits.signInLockMs
  const row = ctx.db
    .prepare(
      `UPDATE sign_in_throttle SET
         in_flight = max(in_flight - 1, 0),
         failures = CASE WHEN failures + 1 >= :limit THEN 0 ELSE failures + 1 END,
         locked_until = CASE WHEN failures + 1 >= :limit THEN :until ELSE locked_until END
       WHERE email = :email RETURNING locked_until`,
    )
    .get({ email, until, limit: limits.signInFailuresBeforeLock }) as
    { locked_until: number } | undefined
  if (row?.locked_until === until)
    throw apiError(423, 'account_locked', { retryAfterSeconds: limits.signInLockMs / 1000 })
  throw apiError(401, 'invalid_credentials')
}

/** A right password forgets the failures (a lock another request set meanwhile stays). */
export function signInSucceeded(ctx: ServiceContext, email: string): void {
  ctx.db
    .prepare(
      'UPDATE sign_in_throttle SET in_flight = max(in_flight - 1, 0), failures = 0 WHERE email = ?',
    )
    .run(email)
}

/** A password reset lifts the lock: the person proved they read the mail. */
export function clearSignInThrottle(ctx: ServiceContext, email: string): void {
  ctx.db.prepare('DELETE FROM sign_in_throttle WHERE email = ?').run(email)
}
