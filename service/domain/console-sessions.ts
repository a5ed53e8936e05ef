import { createHmac } from 'node:crypto'
import type { ConsolePermission } from '@shared/api/console/roles'
import { mayUse } from '@shared/api/console/roles'
import type { ServiceContext } from '../context'
import { inTransaction } from '../db/transactions'
import { apiError } from '../errors'
import { limits } from '../limits'
import { verifyOrBurn } from '../security/passwords'
import { newSessionToken, sameHash, sha256 } from '../security/secrets'
import {
  findConsoleAccount,
  findConsoleAccountByEmail,
  type ConsoleAccountRow,
} from './console-accounts'
import {
  admitSignInAttempt,
  consoleSignIns,
  signInFailed,
  signInSucceeded,
  whileAdmitted,
} from './sign-in-throttle'

export interface ConsoleCaller {
  account: ConsoleAccountRow
  tokenHash: string
  expiresAt: number
  /** The audit's actor for what this person does. */
  actor: { consoleAccountId: string }
}

/**
 * The CSRF token of a session: an HMAC of its token's hash under the service key (OWASP's
 * HMAC-based synchronizer token). The console reads it from the session answer and sends it with
 * every change; another site can neither read it nor, with a SameSite=Strict cookie, send the
 * cookie at all. Nothing to store: the session row is enough.
 */
export const csrfTokenOf = (ctx: ServiceContext, tokenHash: string) =>
  createHmac('sha256', ctx.serviceKey).update(`console-csrf:${tokenHash}`).digest('base64url')

export function csrfTokenMatches(ctx: ServiceContext, tokenHash: string, presented: unknown) {
  return typeof presented === 'string' && sameHash(presented, csrfTokenOf(ctx, tokenHash))
}

/**
 * The live session a cookie names, or 401 `session_expired`: it must exist, not be revoked, be
 * within 8 h of its sign-in and 15 min of the person's last request, and its account must be
 * enabled. Reading does not move the idle clock (`touchConsoleSession` does).
 */
export async function readConsoleSession(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<ConsoleCaller> {
  if (!token || token.length > 200) throw apiError(401, 'session_expired')
  const tokenHash = sha256(token)
  const session = await ctx.db
    .selectFrom('console_sessions')
    .select(['account_id', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  const now = ctx.clock.now()
  if (
    !session ||
    session.revoked_at !== null ||
    session.expires_at <= now ||
    session.last_seen_at + limits.consoleSessionIdleMs <= now
  )
    throw apiError(401, 'session_expired')
  const account = await findConsoleAccount(ctx, session.account_id)
  if (!account || account.disabled) throw apiError(401, 'session_expired')
  return {
    account,
    tokenHash,
    expiresAt: session.expires_at,
    actor: { consoleAccountId: account.id },
  }
}

/**
 * A request the person made moves the idle clock; the live fleet's stream does not, so an open
 * page still ends when nobody uses it.
 */
export async function touchConsoleSession(ctx: ServiceContext, tokenHash: string): Promise<void> {
  await ctx.db
    .updateTable('console_sessions')
    .set({ last_seen_at: ctx.clock.now() })
    .where('token_hash', '=', tokenHash)
    .execute()
}

/** A role that may not use a page gets 403 `forbidden` (the console does not offer it either). */
export function requirePermission(caller: ConsoleCaller, permission: ConsolePermission): void {
  if (!mayUse(caller.account.role, permission)) throw apiError(403, 'forbidden')
}

/**
 * Console sign-in: failures counted per address, known or not, before the hash is compared (ten
 * lock it for 15 minutes, as for students); an account not yet enrolled or disabled fails like a
 * wrong password. A new session token at each sign-in, inserted only if the account still has the
 * hash that was checked and is still enabled (a conditional update of the account's row, which
 * on PostgreSQL holds its lock until the session is written): a reset or a disable overlapping
 * the check leaves no session behind.
 */
export async function signInConsole(
  ctx: ServiceContext,
  input: { email: string; password: string },
): Promise<{ account: ConsoleAccountRow; token: string; tokenHash: string; expiresAt: number }> {
  await admitSignInAttempt(ctx, input.email, consoleSignIns)
  const { account, stored, right } = await whileAdmitted(
    ctx,
    input.email,
    consoleSignIns,
    async () => {
      const account = await findConsoleAccountByEmail(ctx, input.email)
      const stored = account && !account.disabled ? account.password_hash : null
      return { account, stored, right: await verifyOrBurn(ctx.hasher, input.password, stored) }
    },
  )
  if (!right || !account || !stored) return signInFailed(ctx, input.email, consoleSignIns)
  await signInSucceeded(ctx, input.email, consoleSignIns)
  const now = ctx.clock.now()
  const expiresAt = now + limits.consoleSessionAbsoluteMs
  const started = await inTransaction(ctx, async (tx) => {
    // The account row is written first, where what was checked still holds: on PostgreSQL that
    // takes its lock, so that a reset or a disable waits for this sign-in or it for them, and two
    // sign-ins to one account queue instead of deadlocking on a shared lock's upgrade.
    const signedIn = await tx.db
      .updateTable('console_accounts')
      .set({ last_sign_in_at: now })
      .where('id', '=', account.id)
      .where('password_hash', '=', stored)
      .where('disabled', '=', 0)
      .executeTakeFirst()
    if (signedIn.numUpdatedRows !== 1n) return undefined
    return openConsoleSession(tx, account.id, expiresAt)
  })
  // Reset or disabled while the password was checked: what was checked no longer opens it.
  if (!started) throw apiError(401, 'invalid_credentials')
  return { account, ...started }
}

/**
 * A new session for an account, with a new token, ending at `expiresAt`: at sign-in, and for the
 * person who changed their password (console-password.ts), in the caller's transaction.
 */
export async function openConsoleSession(
  tx: ServiceContext,
  accountId: string,
  expiresAt: number,
): Promise<{ token: string; tokenHash: string; expiresAt: number }> {
  const token = newSessionToken()
  const tokenHash = sha256(token)
  const now = tx.clock.now()
  await tx.db
    .insertInto('console_sessions')
    .values({
      token_hash: tokenHash,
      account_id: accountId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute()
  return { token, tokenHash, expiresAt }
}

/** Sign-out, in one conditional statement. */
export async function endConsoleSession(ctx: ServiceContext, tokenHash: string): Promise<void> {
  await ctx.db
    .updateTable('console_sessions')
    .set({ revoked_at: ctx.clock.now() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute()
}

/** Lifts a console account's sign-in lock (IT); true if there was one. */
export async function liftConsoleLock(ctx: ServiceContext, email: string): Promise<boolean> {
  const lifted = await ctx.db
    .deleteFrom('console_sign_in_throttle')
    .where('email', '=', email)
    .executeTakeFirst()
  return lifted.numDeletedRows > 0n
}
