import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { recordConsents } from './consents'
import { spendLinksOnActivation } from './links'

/**
 * The names, password hash and consent a registration brings. They belong to that registration:
 * activating it (by its code, its link, or a recovery code issued for it) sets exactly these, and
 * a later registration of the same address never changes them (docs/account-service.md).
 */
export interface RegistrationCredentials {
  registrationId: string
  accountId: string
  firstName: string
  lastName: string
  passwordHash: string
  locale: Locale
  termsVersion: string
  privacyVersion: string
  deviceId: string
}

export async function storeCredentials(
  ctx: ServiceContext,
  credentials: RegistrationCredentials,
): Promise<void> {
  await ctx.db
    .insertInto('registration_credentials')
    .values({
      registration_id: credentials.registrationId,
      account_id: credentials.accountId,
      first_name: credentials.firstName,
      last_name: credentials.lastName,
      password_hash: credentials.passwordHash,
      locale: credentials.locale,
      terms_version: credentials.termsVersion,
      privacy_version: credentials.privacyVersion,
      device_id: credentials.deviceId,
      created_at: ctx.clock.now(),
    })
    .execute()
}

/** The credentials a pending account's activation would set, if a registration still holds any. */
export async function pendingCredentials(
  ctx: ServiceContext,
  accountId: string,
): Promise<{ registrationId: string; passwordHash: string } | undefined> {
  const row = await ctx.db
    .selectFrom('registration_credentials')
    .select(['registration_id', 'password_hash'])
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  return row && { registrationId: row.registration_id, passwordHash: row.password_hash }
}

/**
 * Activates the account of a registration with that registration's credentials, records the
 * consent it carried, and spends every other way to activate the account. False when the
 * registration no longer holds credentials (activated already, or replaced by a newer one).
 * Runs inside the caller's transaction.
 */
export async function activateRegistration(
  ctx: ServiceContext,
  registrationId: string,
): Promise<boolean> {
  const credentials = await ctx.db
    .selectFrom('registration_credentials')
    .select([
      'account_id',
      'first_name',
      'last_name',
      'password_hash',
      'locale',
      'terms_version',
      'privacy_version',
      'device_id',
      'created_at',
    ])
    .where('registration_id', '=', registrationId)
    .executeTakeFirst()
  if (!credentials) return false
  const now = ctx.clock.now()
  // Conditional on `pending`: of two activations at once, one activates.
  const activated = await ctx.db
    .updateTable('accounts')
    .set({
      first_name: credentials.first_name,
      last_name: credentials.last_name,
      password_hash: credentials.password_hash,
      locale: credentials.locale,
      status: 'active',
      activated_at: now,
    })
    .where('id', '=', credentials.account_id)
    .where('status', '=', 'pending')
    .returning('email')
    .executeTakeFirst()
  if (!activated) return false
  await recordConsents(ctx, {
    accountId: credentials.account_id,
    versions: { terms: credentials.terms_version, privacy: credentials.privacy_version },
    locale: credentials.locale,
    deviceId: credentials.device_id,
    acceptedAt: credentials.created_at,
  })
  await ctx.db
    .deleteFrom('registration_credentials')
    .where('account_id', '=', credentials.account_id)
    .execute()
  await ctx.db
    .updateTable('verifications')
    .set({ completed_at: now })
    .where('account_id', '=', credentials.account_id)
    .where('effect', '=', 'activate')
    .where('completed_at', 'is', null)
    .execute()
  await spendLinksOnActivation(ctx, activated.email)
  return true
}

/**
 * A new registration replaces the earlier ones of its address: their codes end, their
 * activation links expire, and their credentials are deleted, so nothing issued for them can
 * activate anything any more.
 */
export async function supersedeRegistrations(
  ctx: ServiceContext,
  email: string,
  accountId: string,
): Promise<void> {
  const now = ctx.clock.now()
  await ctx.db
    .updateTable('verifications')
    .set({ completed_at: now })
    .where('email', '=', email)
    .where('effect', '=', 'activate')
    .where('completed_at', 'is', null)
    .execute()
  await ctx.db
    .updateTable('link_tokens')
    .set({ expires_at: now })
    .where('email', '=', email)
    .where('kind', '=', 'activate')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute()
  await ctx.db.deleteFrom('registration_credentials').where('account_id', '=', accountId).execute()
}
