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

export function findAccountByEmail(ctx: ServiceContext, email: string): AccountRow | undefined {
  return ctx.db.prepare('SELECT * FROM accounts WHERE email = ?').get(email) as
    AccountRow | undefined
}

export function findAccount(ctx: ServiceContext, id: string): AccountRow | undefined {
  return ctx.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined
}

export function isInvited(ctx: ServiceContext, email: string): boolean {
  return (
    ctx.db
      .prepare('SELECT 1 FROM invitations WHERE email = ? AND revoked_at IS NULL LIMIT 1')
      .get(email) !== undefined
  )
}

export function createPendingAccount(ctx: ServiceContext, email: string, locale: Locale): string {
  const id = newId()
  ctx.db
    .prepare(
      `INSERT INTO accounts (id, email, first_name, last_name, password_hash, locale, status, created_at)
       VALUES (?, ?, '', '', '', ?, 'pending', ?)`,
    )
    .run(id, email, locale, ctx.clock.now())
  return id
}
