import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { inTransaction } from '../db/transactions'
import { limits } from '../limits'
import { newSessionToken, sha256 } from '../security/secrets'

/**
 * A student's session after a right password, made only if what was verified still holds when it
 * is written (issue 25, rule 1): the account is active, its password hash is still the one scrypt
 * checked (a password reset meanwhile changes it, and ends every session that existed), and the
 * device is still enabled (IT may have disabled it meanwhile). Two conditional statements in one
 * transaction: the account's `last_sign_in_at` is set only where the hash and status still hold,
 * then the session is inserted only where the device is still enabled (`INSERT … SELECT …
 * WHERE`); if that inserts nothing, the transaction rolls back. On SQLite nothing runs between
 * them. On PostgreSQL the UPDATE holds the account row's lock and the SELECT locks the device row
 * (`FOR SHARE`), so that a reset's `UPDATE accounts` and its revocation of sessions (or a
 * device's disable) are ordered with the sign-in: either the session is written first and the
 * revocation ends it, or the check sees the new hash and writes nothing. The account row is
 * locked by the write itself, first: ten sign-ins to one account at once queue on it instead of
 * each taking a shared lock and then deadlocking on the upgrade to write.
 * Undefined when nothing verified holds any more.
 */
export async function startStudentSession(
  ctx: ServiceContext,
  session: { accountId: string; verifiedHash: string; deviceId: string },
): Promise<{ token: string; expiresAt: number } | undefined> {
  const token = newSessionToken()
  const now = ctx.clock.now()
  const expiresAt = now + limits.sessionAbsoluteMs
  try {
    return await inTransaction(ctx, async (tx) => {
      const signedIn = await tx.db
        .updateTable('accounts')
        .set({ last_sign_in_at: now })
        .where('id', '=', session.accountId)
        .where('password_hash', '=', session.verifiedHash)
        .where('status', '=', 'active')
        .executeTakeFirst()
      if (signedIn.numUpdatedRows !== 1n) throw new NoLongerVerified()
      const inserted = await tx.db
        .insertInto('sessions')
        .columns([
          'token_hash',
          'account_id',
          'device_id',
          'created_at',
          'last_seen_at',
          'expires_at',
        ])
        .expression((eb) =>
          eb
            .selectFrom('devices as d')
            .select([
              sql<string>`CAST(${sha256(token)} AS TEXT)`.as('token_hash'),
              sql<string>`CAST(${session.accountId} AS TEXT)`.as('account_id'),
              'd.id',
              sql<number>`CAST(${now} AS BIGINT)`.as('created_at'),
              sql<number>`CAST(${now} AS BIGINT)`.as('last_seen_at'),
              sql<number>`CAST(${expiresAt} AS BIGINT)`.as('expires_at'),
            ])
            .where('d.id', '=', session.deviceId)
            .where('d.disabled', '=', 0)
            .$if(tx.store.engine === 'postgres', (query) => query.forShare()),
        )
        .executeTakeFirst()
      // The device was disabled meanwhile: roll back the sign-in time too.
      if (inserted.numInsertedOrUpdatedRows !== 1n) throw new NoLongerVerified()
      return { token, expiresAt }
    })
  } catch (error) {
    if (error instanceof NoLongerVerified) return undefined
    throw error
  }
}

/** Thrown inside the transaction to roll it back when a check no longer holds. */
class NoLongerVerified extends Error {}
