import type { Locale } from '../../shared/locales'
import type { ServiceContext } from '../context'
import { spendLinksOnActivation } from './links'

export interface AccountRow {
  id: string
  email: string
  first_name: string
  last_name: string
  password_hash: string
  locale: Locale
  status: 'pending' | 'active'
  failed_sign_ins: number
  locked_until: number
  created_at: number
  activated_at: number | null
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
    ctx.db.prepare('SELECT 1 FROM invitations WHERE email = ? LIMIT 1').get(email) !== undefined
  )
}

/** Activates an account: its pending codes and its invitation/activation links are spent. */
export function activateAccount(
  ctx: ServiceContext,
  account: Pick<AccountRow, 'id' | 'email'>,
): void {
  const now = ctx.clock.now()
  ctx.db
    .prepare(
      "UPDATE accounts SET status = 'active', activated_at = coalesce(activated_at, ?) WHERE id = ?",
    )
    .run(now, account.id)
  ctx.db
    .prepare(
      "UPDATE verifications SET completed_at = ? WHERE account_id = ? AND effect = 'activate' AND completed_at IS NULL",
    )
    .run(now, account.id)
  spendLinksOnActivation(ctx, account.email)
}
