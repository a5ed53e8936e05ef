import type { ConsoleAccountSummary, ConsoleMe } from '@shared/api/console/accounts'
import type { ConsoleRole } from '@shared/api/console/roles'
import type { Locale } from '@shared/locales'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { newId } from '../security/secrets'
import {
  enrolWithCode,
  enrolmentState,
  issueEnrolmentCode,
  type EnrollableRow,
} from './enrolment-codes'

/** A person who uses the web console (docs/console.md). */
export interface ConsoleAccountRow extends EnrollableRow {
  role: ConsoleRole
  locale: Locale
  alerts: number
  created_at: number
  last_sign_in_at: number | null
}

export function findConsoleAccountByEmail(
  ctx: ServiceContext,
  email: string,
): ConsoleAccountRow | undefined {
  return ctx.db.prepare('SELECT * FROM console_accounts WHERE email = ?').get(email) as
    ConsoleAccountRow | undefined
}

export function findConsoleAccount(ctx: ServiceContext, id: string): ConsoleAccountRow | undefined {
  return ctx.db.prepare('SELECT * FROM console_accounts WHERE id = ?').get(id) as
    ConsoleAccountRow | undefined
}

const requireAccount = (ctx: ServiceContext, email: string) => {
  const account = findConsoleAccountByEmail(ctx, email)
  if (!account) throw apiError(404, 'not_found')
  return account
}

/**
 * `service console add` and the console's "Add": an account waiting for its enrolment; returns
 * the one-time code. An address that already has an account is refused (409).
 */
export function addConsoleAccount(
  ctx: ServiceContext,
  input: { email: string; name: string; role: ConsoleRole },
): { id: string; code: string; expiresAt: number } {
  return ctx.db.transaction(() => {
    if (findConsoleAccountByEmail(ctx, input.email))
      throw apiError(409, 'validation_failed', { fields: { email: 'invalid' } })
    const id = newId()
    ctx.db
      .prepare(
        'INSERT INTO console_accounts (id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, input.email, input.name, input.role, ctx.clock.now())
    return { id, ...issueEnrolmentCode(ctx, 'console_accounts', id) }
  })()
}

/** Ends every session of an account at once (disable, reset). */
export function endConsoleSessions(ctx: ServiceContext, accountId: string): void {
  ctx.db
    .prepare(
      'UPDATE console_sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL',
    )
    .run(ctx.clock.now(), accountId)
}

/** A forgotten password or an expired code: the password and sessions end, a new code is issued. */
export function resetConsoleAccount(
  ctx: ServiceContext,
  email: string,
): { id: string; code: string; expiresAt: number } {
  return ctx.db.transaction(() => {
    const account = requireAccount(ctx, email)
    ctx.db
      .prepare(
        'UPDATE console_accounts SET password_hash = NULL, enrolled_at = NULL, disabled = 0 WHERE id = ?',
      )
      .run(account.id)
    endConsoleSessions(ctx, account.id)
    return { id: account.id, ...issueEnrolmentCode(ctx, 'console_accounts', account.id) }
  })()
}

/** `service console disable`: someone who left; their sessions end now. Returns the account's id. */
export function disableConsoleAccount(ctx: ServiceContext, email: string): string {
  return ctx.db.transaction(() => {
    const account = requireAccount(ctx, email)
    ctx.db
      .prepare(
        `UPDATE console_accounts SET disabled = 1, enrolment_code_hash = NULL,
           enrolment_attempts_left = 0 WHERE id = ?`,
      )
      .run(account.id)
    endConsoleSessions(ctx, account.id)
    return account.id
  })()
}

export async function enrolConsoleAccount(
  ctx: ServiceContext,
  input: { email: string; code: string; password: string },
): Promise<ConsoleAccountRow | undefined> {
  const account = findConsoleAccountByEmail(ctx, input.email)
  await enrolWithCode(ctx, 'console_accounts', account, input)
  return account
}

export function setConsolePreferences(
  ctx: ServiceContext,
  accountId: string,
  preferences: { locale?: Locale | undefined; alerts?: boolean | undefined },
): void {
  ctx.db
    .prepare(
      `UPDATE console_accounts SET locale = coalesce(:locale, locale),
         alerts = coalesce(:alerts, alerts) WHERE id = :id`,
    )
    .run({
      id: accountId,
      locale: preferences.locale ?? null,
      alerts: preferences.alerts === undefined ? null : preferences.alerts ? 1 : 0,
    })
}

export const consoleMe = (account: ConsoleAccountRow): ConsoleMe => ({
  email: account.email,
  name: account.name,
  role: account.role,
  locale: account.locale,
  alerts: account.role === 'it' && account.alerts === 1,
})

/** Every console account, by address, with its state and a sign-in lock in force. */
export function listConsoleAccounts(ctx: ServiceContext): ConsoleAccountSummary[] {
  const now = ctx.clock.now()
  const rows = ctx.db
    .prepare(
      `SELECT c.*, t.locked_until FROM console_accounts c
       LEFT JOIN console_sign_in_throttle t ON t.email = c.email ORDER BY c.email`,
    )
    .all() as (ConsoleAccountRow & { locked_until: number | null })[]
  return rows.map((row) => ({
    email: row.email,
    name: row.name,
    role: row.role,
    alerts: row.role === 'it' && row.alerts === 1,
    state: enrolmentState(row, now),
    ...(row.locked_until !== null && row.locked_until > now
      ? { lockedUntil: iso(row.locked_until) }
      : {}),
    createdAt: iso(row.created_at),
  }))
}

/** The IT accounts that asked for fleet alerts: enrolled, not disabled. */
export function alertRecipients(ctx: ServiceContext): { email: string; locale: Locale }[] {
  return ctx.db
    .prepare(
      `SELECT email, locale FROM console_accounts WHERE role = 'it' AND alerts = 1
         AND disabled = 0 AND password_hash IS NOT NULL ORDER BY email`,
    )
    .all() as { email: string; locale: Locale }[]
}
