import { iso } from '../clock'
import type { ServiceContext } from '../context'
import type { LegalDocument } from '@shared/legal-documents'
import type { Locale } from '@shared/locales'

export interface ConsentInput {
  accountId: string
  versions: Record<LegalDocument, string>
  locale: Locale
  deviceId: string
  acceptedAt: number
}

/** Records the person's consent to each legal text, at activation (docs/account-service.md). */
export function recordConsents(ctx: ServiceContext, consent: ConsentInput): void {
  const insert = ctx.db.prepare(
    'INSERT INTO consents (account_id, document, version, locale, device_id, accepted_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  for (const [document, version] of Object.entries(consent.versions))
    insert.run(
      consent.accountId,
      document,
      version,
      consent.locale,
      consent.deviceId,
      consent.acceptedAt,
    )
}

export interface ConsentRecord {
  document: LegalDocument
  version: string
  locale: Locale
  device: string
  acceptedAt: string
}

/** What staff see of an account's consents: which text, which version, when, how, where. */
export function consentsOf(ctx: ServiceContext, accountId: string): ConsentRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT c.document, c.version, c.locale, coalesce(d.name, c.device_id) AS device, c.accepted_at
       FROM consents c LEFT JOIN devices d ON d.id = c.device_id
       WHERE c.account_id = ? ORDER BY c.accepted_at, c.document`,
    )
    .all(accountId) as {
    document: LegalDocument
    version: string
    locale: Locale
    device: string
    accepted_at: number
  }[]
  return rows.map((row) => ({
    document: row.document,
    version: row.version,
    locale: row.locale,
    device: row.device,
    acceptedAt: iso(row.accepted_at),
  }))
}
