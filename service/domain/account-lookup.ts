import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { findAccountByEmail } from './accounts'
import { consentsOf, type ConsentRecord } from './consents'

export interface AccountLookup {
  status: 'pending' | 'active' | 'none'
  createdAt?: string
  activatedAt?: string
  /** Which version of each legal text the person accepted, when, in which language, where. */
  consents: ConsentRecord[]
}

/**
 * What counter staff may see of one address (looked up by its exact spelling): whether it has an
 * account, since when, and the consent it gave. Never a hash, a code or a token.
 */
export async function lookUpAccount(ctx: ServiceContext, email: string): Promise<AccountLookup> {
  const account = await findAccountByEmail(ctx, email)
  if (!account) return { status: 'none', consents: [] }
  return {
    status: account.status,
    createdAt: iso(account.created_at),
    ...(account.activated_at !== null ? { activatedAt: iso(account.activated_at) } : {}),
    consents: await consentsOf(ctx, account.id),
  }
}
