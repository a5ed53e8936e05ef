import type { LinkKind } from '@shared/mail-link'
import { formatMailLink, formatPortalLink, LINK_TOKEN_PATTERN } from '@shared/mail-link'
import type { Selectable } from 'kysely'
import type { ServiceContext } from '../context'
import type { LinkTokensTable } from '../db/schema'
import { apiError } from '../errors'
import { newLinkToken, sha256 } from '../security/secrets'

/** `registration_id`, for activation links: the registration whose credentials it activates. */
export type LinkRow = Omit<Selectable<LinkTokensTable>, 'created_at'>

/** Named, never `*`: a prepared statement's columns then survive a migration adding one. */
const LINK_COLUMNS = [
  'token_hash',
  'kind',
  'email',
  'account_id',
  'invitation_id',
  'registration_id',
  'expires_at',
  'used_at',
] as const

export async function issueLink(
  ctx: ServiceContext,
  kind: LinkKind,
  email: string,
  lifetimeMs: number,
  refs: { accountId?: string; invitationId?: string; registrationId?: string } = {},
) {
  const token = newLinkToken()
  const now = ctx.clock.now()
  await ctx.db
    .insertInto('link_tokens')
    .values({
      token_hash: sha256(token),
      kind,
      email,
      account_id: refs.accountId ?? null,
      invitation_id: refs.invitationId ?? null,
      registration_id: refs.registrationId ?? null,
      expires_at: now + lifetimeMs,
      created_at: now,
    })
    .execute()
  return {
    token,
    appLink: formatMailLink(kind, token),
    webLink: formatPortalLink(ctx.portalUrl, kind, token),
  }
}

/** The link behind a token, or the precise reason it cannot be used. */
export async function usableLink(
  ctx: ServiceContext,
  token: string,
  kinds?: readonly LinkKind[],
): Promise<LinkRow> {
  if (!LINK_TOKEN_PATTERN.test(token)) throw apiError(404, 'link_invalid')
  const row = await ctx.db
    .selectFrom('link_tokens')
    .select(LINK_COLUMNS)
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row || (kinds && !kinds.includes(row.kind))) throw apiError(404, 'link_invalid')
  if (row.used_at !== null) throw apiError(410, 'link_used')
  if (row.expires_at <= ctx.clock.now()) throw apiError(410, 'link_expired')
  return row
}

/**
 * Spends a single-use link: one conditional statement, so of any number of overlapping uses
 * exactly one gets through; the others get the reason the link no longer works.
 */
export async function spendLink(
  ctx: ServiceContext,
  token: string,
  kinds: readonly LinkKind[],
): Promise<LinkRow> {
  const link = await usableLink(ctx, token, kinds)
  const now = ctx.clock.now()
  const spent = await ctx.db
    .updateTable('link_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', link.token_hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  if (spent.numUpdatedRows !== 1n) {
    await usableLink(ctx, token, kinds)
    throw apiError(410, 'link_used')
  }
  return link
}

/** Once an account is active, its invitation and activation links are spent. */
export async function spendLinksOnActivation(ctx: ServiceContext, email: string): Promise<void> {
  await ctx.db
    .updateTable('link_tokens')
    .set({ used_at: ctx.clock.now() })
    .where('email', '=', email)
    .where('kind', 'in', ['invite', 'activate'])
    .where('used_at', 'is', null)
    .execute()
}
