import type { ServiceContext } from '../context'
import { limits } from '../limits'
import { newSessionToken, sha256 } from '../security/secrets'

/**
 * A student's session after a right password, made only if what was verified still holds when it
 * is written (issue 25, rule 1): the account is active, its password hash is still the one scrypt
 * checked (a password reset meanwhile changes it, and ends every session that existed), and the
 * device is still enabled (IT may have disabled it meanwhile). One `INSERT … SELECT … WHERE`
 * statement: on SQLite nothing runs between its check and its write. On PostgreSQL its SELECT must
 * lock the account row (`FOR SHARE OF a`), so that a reset's `UPDATE accounts` and its revocation
 * of sessions are ordered with it. Undefined when nothing verified holds any more.
 */
export function startStudentSession(
  ctx: ServiceContext,
  session: { accountId: string; verifiedHash: string; deviceId: string },
): { token: string; expiresAt: number } | undefined {
  const token = newSessionToken()
  const now = ctx.clock.now()
  const expiresAt = now + limits.sessionAbsoluteMs
  return ctx.db.transaction(() => {
    const inserted = ctx.db
      .prepare(
        `INSERT INTO sessions (token_hash, account_id, device_id, created_at, last_seen_at, expires_at)
         SELECT :tokenHash, a.id, d.id, :now, :now, :expiresAt FROM accounts a, devices d
         WHERE a.id = :accountId AND a.password_hash = :verifiedHash AND a.status = 'active'
           AND d.id = :deviceId AND d.disabled = 0`,
      )
      .run({ tokenHash: sha256(token), now, expiresAt, ...session })
    if (inserted.changes !== 1) return undefined
    ctx.db
      .prepare('UPDATE accounts SET last_sign_in_at = ? WHERE id = ?')
      .run(now, session.accountId)
    return { token, expiresAt }
  })()
}
