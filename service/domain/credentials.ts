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

interface CredentialsRow {
  registration_id: string
  account_id: string
  first_name: string
  last_name: string
  password_hash: string
  locale: Locale
  terms_version: string
  privacy_version: string
  device_id: string
  created_at: number
}

export function storeCredentials(ctx: ServiceContext, credentials: RegistrationCredentials) {
  ctx.db
    .prepare(
      `INSERT INTO registration_credentials (registration_id, account_id, first_name, last_name,
         password_hash, locale, terms_version, privacy_version, device_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      credentials.registrationId,
      credentials.accountId,
      credentials.firstName,
      credentials.lastName,
      credentials.passwordHash,
      credentials.locale,
      credentials.termsVersion,
      credentials.privacyVersion,
      credentials.deviceId,
      ctx.clock.now(),
    )
}

/** The credentials a pending account's activation would set, if a registration still holds any. */
export function pendingCredentials(
  ctx: ServiceContext,
  accountId: string,
): { registrationId: string; passwordHash: string } | undefined {
  const row = ctx.db
    .prepare(
      'SELECT registration_id, password_hash FROM registration_credentials WHERE account_id = ?',
    )
    .get(accountId) as Pick<CredentialsRow, 'registration_id' | 'password_hash'> | undefined
  return row && { registrationId: row.registration_id, passwordHash: row.password_hash }
}

/**
 * Activates the account of a registration with that registration's credentials, records the
 * consent it carried, and spends every other way to activate the account. False when the
 * registration no longer holds credentials (activated already, or replaced by a newer one).
 * Runs inside the caller's transaction.
 */
export function activateRegistration(ctx: ServiceContext, registrationId: string): boolean {
  const credentials = ctx.db
    .prepare('SELECT * FROM registration_credentials WHERE registration_id = ?')
    .get(registrationId) as CredentialsRow | undefined
  if (!credentials) return false
  const now = ctx.clock.now()
  const activated = ctx.db
    .prepare(
      `UPDATE accounts SET first_name = ?, last_name = ?, password_hash = ?, locale = ?,
         status = 'active', activated_at = ? WHERE id = ? AND status = 'pending' RETURNING email`,
    )
    .get(
      credentials.first_name,
      credentials.last_name,
      credentials.password_hash,
      credentials.locale,
      now,
      credentials.account_id,
    ) as { email: string } | undefined
  if (!activated) return false
  recordConsents(ctx, {
    accountId: credentials.account_id,
    versions: { terms: credentials.terms_version, privacy: credentials.privacy_version },
    locale: credentials.locale,
    deviceId: credentials.device_id,
    acceptedAt: credentials.created_at,
  })
  ctx.db
    .prepare('DELETE FROM registration_credentials WHERE account_id = ?')
    .run(credentials.account_id)
  ctx.db
    .prepare(
      "UPDATE verifications SET completed_at = ? WHERE account_id = ? AND effect = 'activate' AND completed_at IS NULL",
    )
    .run(now, credentials.account_id)
  spendLinksOnActivation(ctx, activated.email)
  return true
}

/**
 * A new registration replaces the earlier ones of its address: their codes end, their
 * activation links expire, and their credentials are deleted, so nothing issued for them can
 * activate anything any more.
 */
export function supersedeRegistrations(ctx: ServiceContext, email: string, accountId: string) {
  const now = ctx.clock.now()
  ctx.db
    .prepare(
      "UPDATE verifications SET completed_at = ? WHERE email = ? AND effect = 'activate' AND completed_at IS NULL",
    )
    .run(now, email)
  ctx.db
    .prepare(
      "UPDATE link_tokens SET expires_at = ? WHERE email = ? AND kind = 'activate' AND used_at IS NULL AND expires_at > ?",
    )
    .run(now, email, now)
  ctx.db.prepare('DELETE FROM registration_credentials WHERE account_id = ?').run(accountId)
}
