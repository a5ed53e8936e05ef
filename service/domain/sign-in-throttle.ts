import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'

/**
 * Sign-in attempts are counted per address, whether or not it has an account, so that a lock
 * says nothing about who is registered (docs/security.md, point 10). An attempt is counted
 * *before* its password check, in one statement that refuses once the count is at the limit: ten
 * overlapping wrong passwords are ten checks, and the eleventh is refused even while the ten
 * are still running.
 */
export function takeSignInAttempt(ctx: ServiceContext, email: string): number {
  const now = ctx.clock.now()
  const forgetBefore = now - limits.signInFailureResetMs
  // An attempt whose request died before it could lock or clear (a crash) is stale after this.
  const staleBefore = now - limits.signInLockMs
  const limit = limits.signInFailuresBeforeLock
  const taken = ctx.db
    .prepare(
      `INSERT INTO sign_in_throttle (email, attempts, locked_until, last_attempt_at)
       VALUES (:email, 1, 0, :now)
       ON CONFLICT (email) DO UPDATE SET
         attempts = CASE WHEN last_attempt_at <= :forgetBefore OR attempts >= :limit THEN 1
                         ELSE attempts + 1 END,
         last_attempt_at = :now
       WHERE locked_until <= :now AND (attempts < :limit OR last_attempt_at <= :staleBefore)
       RETURNING attempts`,
    )
    .get({ email, now, forgetBefore, staleBefore, limit }) as { attempts: number } | undefined
  if (taken) return taken.attempts
  const row = ctx.db
    .prepare('SELECT locked_until FROM sign_in_throttle WHERE email = ?')
    .get(email) as { locked_until: number }
  if (row.locked_until > now)
    throw apiError(423, 'account_locked', {
      retryAfterSeconds: Math.ceil((row.locked_until - now) / 1000),
    })
  // Every allowed attempt is being checked right now: whether they lock is not known yet.
  throw apiError(429, 'rate_limited', { retryAfterSeconds: 1 })
}

/** A wrong password: the attempt that reached the limit locks the address. */
export function signInFailed(ctx: ServiceContext, email: string, attempt: number): never {
  if (attempt < limits.signInFailuresBeforeLock) throw apiError(401, 'invalid_credentials')
  ctx.db
    .prepare('UPDATE sign_in_throttle SET attempts = 0, locked_until = ? WHERE email = ?')
    .run(ctx.clock.now() + limits.signInLockMs, email)
  throw apiError(423, 'account_locked', { retryAfterSeconds: limits.signInLockMs / 1000 })
}

/** A right password forgets the failures (a lock another request set meanwhile stays). */
export function signInSucceeded(ctx: ServiceContext, email: string): void {
  ctx.db.prepare('UPDATE sign_in_throttle SET attempts = 0 WHERE email = ?').run(email)
}

/** A password reset lifts the lock: the person proved they read the mail. */
export function clearSignInThrottle(ctx: ServiceContext, email: string): void {
  ctx.db.prepare('DELETE FROM sign_in_throttle WHERE email = ?').run(email)
}
