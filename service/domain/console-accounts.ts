import type { ConsoleAccountSummary, ConsoleMe } from '@shared/api/console/accounts'
import type { ConsoleRole } from '@shared/api/console/roles'
import type { Locale } from '@shared/locales'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { inTransaction } from '../db/transactions'
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

/** Named, never `*`: a prepared statement's columns then survive a migration adding one. */
const ACCOUNT_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'locale',
  'alerts',
  'password_hash',
  'enrolment_code_hash',
  'enrolment_expires_at',
  'enrolment_attempts_left',
  'disabled',
  'created_at',
  'last_sign_in_at',
] as const

export function findConsoleAccountByEmail(
  ctx: ServiceContext,
  email: string,
): Promise<ConsoleAccountRow | undefined> {
  return ctx.db
    .selectFrom('console_accounts')
    .select(ACCOUNT_COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst()
}

export function findConsoleAccount(
  ctx: ServiceContext,
  id: string,
): Promise<ConsoleAccountRow | undefined> {
  return ctx.db
    .selectFrom('console_accounts')
    .select(ACCOUNT_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
}

const requireAccount = async (ctx: ServiceContext, email: string) => {
  const account = await findConsoleAccountByEmail(ctx, email)
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
): Promise<{ id: string; code: string; expiresAt: number }> {
  return inTransaction(ctx, async (tx) => {
    // `console_accounts.email` is UNIQUE: of two adds at once, the second fails there.
    if (await findConsoleAccountByEmail(tx, input.email))
      throw apiError(409, 'validation_failed', { fields: { email: 'invalid' } })
    const id = newId()
    await tx.db
      .insertInto('console_accounts')
      .values({
        id,
        email: input.email,
        name: input.name,
        role: input.role,
        created_at: tx.clock.now(),
      })
      .execute()
    return { id, ...(await issueEnrolmentCode(tx, 'console_accounts', id)) }
  })
}

/** Ends every session of an account at once (disable, reset). */
export async function endConsoleSessions(ctx: ServiceContext, accountId: string): Promise<void> {
  await ctx.db
    .updateTable('console_sessions')
    .set({ revoked_at: ctx.clock.now() })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute()
}

/** A forgotten password or an expired code: the password and sessions end, a new code is issued. */
export function resetConsoleAccount(
  ctx: ServiceContext,
  email: string,
): Promise<{ id: string; code: string; expiresAt: number }> {
  return inTransaction(ctx, async (tx) => {
    const account = await requireAccount(tx, email)
    await tx.db
      .updateTable('console_accounts')
      .set({ password_hash: null, enrolled_at: null, disabled: 0 })
      .where('id', '=', account.id)
      .execute()
    await endConsoleSessions(tx, account.id)
    return { id: account.id, ...(await issueEnrolmentCode(tx, 'console_accounts', account.id)) }
  })
}

/** `service console disable`: someone who left; their sessions end now. Returns the account's id. */
export function disableConsoleAccount(ctx: ServiceContext, email: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const account = await requireAccount(tx, email)
    await tx.db
      .updateTable('console_accounts')
      .set({ disabled: 1, enrolment_code_hash: null, enrolment_attempts_left: 0 })
      .where('id', '=', account.id)
      .execute()
    await endConsoleSessions(tx, account.id)
    return account.id
  })
}

export async function enrolConsoleAccount(
  ctx: ServiceContext,
  input: { email: string; code: string; password: string },
): Promise<ConsoleAccountRow | undefined> {
  const account = await findConsoleAccountByEmail(ctx, input.email)
  await enrolWithCode(ctx, 'console_accounts', account, input)
  return account
}

export async function setConsolePreferences(
  ctx: ServiceContext,
  accountId: string,
  preferences: { locale?: Locale | undefined; alerts?: boolean | undefined },
): Promise<void> {
  const changes = {
    ...(preferences.locale !== undefined ? { locale: preferences.locale } : {}),
    ...(preferences.alerts !== undefined ? { alerts: preferences.alerts ? 1 : 0 } : {}),
  }
  if (Object.keys(changes).length === 0) return
  await ctx.db.updateTable('console_accounts').set(changes).where('id', '=', accountId).execute()
}

export const consoleMe = (account: ConsoleAccountRow): ConsoleMe => ({
  email: account.email,
  name: account.name,
  role: account.role,
  locale: account.locale,
  alerts: account.role === 'it' && account.alerts === 1,
})

/** Every console account, by address, with its state and a sign-in lock in force. */
export async function listConsoleAccounts(ctx: ServiceContext): Promise<ConsoleAccountSummary[]> {
  const now = ctx.clock.now()
  const rows = await ctx.db
    .selectFrom('console_accounts as c')
    .leftJoin('console_sign_in_throttle as t', 't.email', 'c.email')
    .select([
      'c.email',
      'c.name',
      'c.role',
      'c.alerts',
      'c.disabled',
      'c.password_hash',
      'c.enrolment_expires_at',
      'c.created_at',
      't.locked_until',
    ])
    .orderBy('c.email')
    .execute()
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
export function alertRecipients(ctx: ServiceContext): Promise<{ email: string; locale: Locale }[]> {
  return ctx.db
    .selectFrom('console_accounts')
    .select(['email', 'locale'])
    .where('role', '=', 'it')
    .where('alerts', '=', 1)
    .where('disabled', '=', 0)
    .where('password_hash', 'is not', null)
    .orderBy('email')
    .execute()
}
