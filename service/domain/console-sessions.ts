import { createHmac } from 'node:crypto'
import type { ConsolePermission } from '@shared/api/console/roles'
import { mayUse } from '@shared/api/console/roles'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'
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
} from './sign-in-throttle'

interface ConsoleSessionRow {
  token_hash: string
  account_id: string
  created_at: number
  last_seen_at: number
  expires_at: number
  revoked_at: number | null
}

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
export function readConsoleSession(ctx: ServiceContext, token: string | undefined): ConsoleCaller {
  if (!token || token.length > 200) throw apiError(401, 'session_expired')
  const tokenHash = sha256(token)
  const session = ctx.db
    .prepare('SELECT * FROM console_sessions WHERE token_hash = ?')
    .get(tokenHash) as ConsoleSessionRow | undefined
  const now = ctx.clock.now()
  if (
    !session ||
    session.revoked_at !== null ||
    session.expires_at <= now ||
    session.last_seen_at + limits.consoleSessionIdleMs <= now
  )
    throw apiError(401, 'session_expired')
  const account = findConsoleAccount(ctx, session.account_id)
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
export function touchConsoleSession(ctx: ServiceContext, tokenHash: string): void {
  ctx.db
    .prepare('UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?')
    .run(ctx.clock.now(), tokenHash)
}

/** A role that may not use a page gets 403 `forbidden` (the console does not offer it either). */
export function requirePermission(caller: ConsoleCaller, permission: ConsolePermission): void {
  if (!mayUse(caller.account.role, permission)) throw apiError(403, 'forbidden')
}

/**
 * Console sign-in: failures counted per address, known or not, before the hash is compared (ten
 * lock it for 15 minutes, as for students); an account not yet enrolled or disabled fails like a
 * wrong password. A new session token at each sign-in.
 */
export async function signInConsole(
  ctx: ServiceContext,
  input: { email: string; password: string },
): Promise<{ account: ConsoleAccountRow; token: string; tokenHash: string; expiresAt: number }> {
  admitSignInAttempt(ctx, input.email, consoleSignIns)
  const account = findConsoleAccountByEmail(ctx, input.email)
  const stored = account && !account.disabled ? account.password_hash : null
  let right = false
  if (stored) right = await ctx.hasher.verify(input.password, stored)
  else await ctx.hasher.burn(input.password)
  if (!right || !account) signInFailed(ctx, input.email, consoleSignIns)
  signInSucceeded(ctx, input.email, consoleSignIns)
  const token = newSessionToken()
  const tokenHash = sha256(token)
  const now = ctx.clock.now()
  const expiresAt = now + limits.consoleSessionAbsoluteMs
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO console_sessions (token_hash, account_id, created_at, last_seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(tokenHash, account.id, now, now, expiresAt)
    ctx.db
      .prepare('UPDATE console_accounts SET last_sign_in_at = ? WHERE id = ?')
      .run(now, account.id)
  })()
  return { account, token, tokenHash, expiresAt }
}

/** Sign-out, in one conditional statement. */
export function endConsoleSession(ctx: ServiceContext, tokenHash: string): void {
  ctx.db
    .prepare(
      'UPDATE console_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
    )
    .run(ctx.clock.now(), tokenHash)
}

/** Lifts a console account's sign-in lock (IT); true if there was one. */
export function liftConsoleLock(ctx: ServiceContext, email: string): boolean {
  return (
    ctx.db.prepare('DELETE FROM console_sign_in_throttle WHERE email = ?').run(email).changes > 0
  )
}
