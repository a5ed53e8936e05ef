import { normalizePassword } from '@shared/password-policy'
import type { ServiceContext } from '../context'
import { inTransaction } from '../db/transactions'
import { ApiError, apiError } from '../errors'
import { enforcePasswordPolicy } from '../security/password-policy'
import { findConsoleAccount } from './console-accounts'
import { openConsoleSession, type ConsoleCaller } from './console-sessions'
import { splitName } from './enrolment-codes'
import {
  admitSignInAttempt,
  consoleSignIns,
  signInFailed,
  signInSucceeded,
  whileAdmitted,
} from './sign-in-throttle'

/** What a wrong current password answers: not a 401, which the console reads as "signed out". */
const wrongCurrentPassword = () =>
  apiError(422, 'invalid_credentials', { fields: { currentPassword: 'invalid' } })

/**
 * A signed-in person changes their own console password (My account). The current password is
 * asked for, and checked under the sign-in throttle of the account's address: a session left open
 * on a desk cannot be used to guess it, and ten wrong ones lock the account's sign-in as ten wrong
 * sign-ins would. The new password follows the enrolment's policy and differs from the current one.
 * The change is one conditional statement on the hash that was checked, so of overlapping changes
 * exactly one lands, and a reset or a disable meanwhile wins over it. Every session of the
 * account ends with it; the person who changed it goes on in a new one (a new token, the same
 * absolute end), so that a copy of their old cookie, wherever it is, ends too.
 */
export async function changeConsolePassword(
  ctx: ServiceContext,
  caller: ConsoleCaller,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; tokenHash: string; expiresAt: number }> {
  const { email, name } = caller.account
  enforcePasswordPolicy(input.newPassword, { email, ...splitName(name) })
  if (normalizePassword(input.newPassword) === normalizePassword(input.currentPassword))
    throw apiError(422, 'validation_failed', { fields: { newPassword: 'invalid' } })
  await admitSignInAttempt(ctx, email, consoleSignIns)
  const { stored, right } = await whileAdmitted(ctx, email, consoleSignIns, async () => {
    // Read again: the caller's row was read before the throttle admitted this check.
    const stored = (await findConsoleAccount(ctx, caller.account.id))?.password_hash ?? null
    return {
      stored,
      right: stored !== null && (await ctx.hasher.verify(input.currentPassword, stored)),
    }
  })
  if (!right) {
    try {
      await signInFailed(ctx, email, consoleSignIns)
    } catch (error) {
      if (error instanceof ApiError && error.body.code === 'invalid_credentials')
        throw wrongCurrentPassword()
      throw error
    }
  }
  await signInSucceeded(ctx, email, consoleSignIns)
  const passwordHash = await ctx.hasher.hash(input.newPassword)
  const changed = await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .updateTable('console_accounts')
      .set({ password_hash: passwordHash })
      .where('id', '=', caller.account.id)
      .where('password_hash', '=', stored)
      .where('disabled', '=', 0)
      .executeTakeFirst()
    if (updated.numUpdatedRows !== 1n) return undefined
    const now = tx.clock.now()
    await tx.db
      .updateTable('console_sessions')
      .set({ revoked_at: now })
      .where('account_id', '=', caller.account.id)
      .where('revoked_at', 'is', null)
      .execute()
    return openConsoleSession(tx, caller.account.id, caller.expiresAt)
  })
  // Another change, a reset or a disable came first: the password checked is no longer the one.
  if (!changed) throw wrongCurrentPassword()
  return changed
}
