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
export async function recordConsents(ctx: ServiceContext, consent: ConsentInput): Promise<void> {
  await ctx.db
    .insertInto('consents')
    .values(
      (Object.entries(consent.versions) as [LegalDocument, string][]).map(
        ([document, version]) => ({
          account_id: consent.accountId,
          document,
          version,
          locale: consent.locale,
          device_id: consent.deviceId,
          accepted_at: consent.acceptedAt,
        }),
      ),
    )
    .execute()
}

export interface ConsentRecord {
  document: LegalDocument
  version: string
  locale: Locale
  device: string
  acceptedAt: string
}

/** What staff see of an account's consents: which text, which version, when, how, where. */
export async function consentsOf(ctx: ServiceContext, accountId: string): Promise<ConsentRecord[]> {
  const rows = await ctx.db
    .selectFrom('consents as c')
    .leftJoin('devices as d', 'd.id', 'c.device_id')
    .select((eb) => [
      'c.document',
      'c.version',
      'c.locale',
      eb.fn.coalesce('d.name', 'c.device_id').as('device'),
      'c.accepted_at',
    ])
    .where('c.account_id', '=', accountId)
    .orderBy('c.accepted_at')
    .orderBy('c.document')
    .execute()
  return rows.map((row) => ({
    document: row.document,
    version: row.version,
    locale: row.locale,
    device: row.device,
    acceptedAt: iso(row.accepted_at),
  }))
}
