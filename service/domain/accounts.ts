import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { newId } from '../security/secrets'

/**
 * An account is `pending` from its first accepted registration until a code or link activates
 * it. A pending account holds no credentials of its own (empty names and hash): they live with
 * the registration that will activate them (`registration_credentials`).
 */
export interface AccountRow {
  id: string
  email: string
  first_name: string
  last_name: string
  password_hash: string
  locale: Locale
  status: 'pending' | 'active'
  created_at: number
  activated_at: number | null
  last_sign_in_at: number | null
}

/** Named, never `*`: a prepared statement's columns then survive a migration adding one. */
const ACCOUNT_COLUMNS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'password_hash',
  'locale',
  'status',
  'created_at',
  'activated_at',
  'last_sign_in_at',
] as const

export function findAccountByEmail(
  ctx: ServiceContext,
  email: string,
): Promise<AccountRow | undefined> {
  return ctx.db
    .selectFrom('accounts')
    .select(ACCOUNT_COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst()
}

export function findAccount(ctx: ServiceContext, id: string): Promise<AccountRow | undefined> {
  return ctx.db
    .selectFrom('accounts')
    .select(ACCOUNT_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function isInvited(ctx: ServiceContext, email: string): Promise<boolean> {
  const standing = await ctx.db
    .selectFrom('invitations')
    .select('id')
    .where('email', '=', email)
    .where('revoked_at', 'is', null)
    .limit(1)
    .executeTakeFirst()
  return standing !== undefined
}

/** One account per address: `accounts.email` is UNIQUE on both engines, the backstop of the lock. */
export async function createPendingAccount(
  ctx: ServiceContext,
  email: string,
  locale: Locale,
): Promise<string> {
  const id = newId()
  await ctx.db
    .insertInto('accounts')
    .values({
      id,
      email,
      first_name: '',
      last_name: '',
      password_hash: '',
      locale,
      status: 'pending',
      created_at: ctx.clock.now(),
    })
    .execute()
  return id
}
