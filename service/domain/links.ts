import type { LinkKind } from '@shared/mail-link'
import { formatMailLink, formatPortalLink, LINK_TOKEN_PATTERN } from '@shared/mail-link'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { newLinkToken, sha256 } from '../security/secrets'

export interface LinkRow {
  token_hash: string
  kind: LinkKind
  email: string
  account_id: string | null
  invitation_id: string | null
  /** Activation links: the registration whose credentials the link activates. */
  registration_id: string | null
  expires_at: number
  used_at: number | null
}

export function issueLink(
  ctx: ServiceContext,
  kind: LinkKind,
  email: string,
  lifetimeMs: number,
  refs: { accountId?: string; invitationId?: string; registrationId?: string } = {},
) {
  const token = newLinkToken()
  const now = ctx.clock.now()
  ctx.db
    .prepare(
      `INSERT INTO link_tokens (token_hash, kind, email, account_id, invitation_id, registration_id,
         expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      sha256(token),
      kind,
      email,
      refs.accountId ?? null,
      refs.invitationId ?? null,
      refs.registrationId ?? null,
      now + lifetimeMs,
      now,
    )
  return {
    token,
    appLink: formatMailLink(kind, token),
    webLink: formatPortalLink(ctx.portalUrl, kind, token),
  }
}

/** The link behind a token, or the precise reason it cannot be used. */
export function usableLink(
  ctx: ServiceContext,
  token: string,
  kinds?: readonly LinkKind[],
): LinkRow {
  if (!LINK_TOKEN_PATTERN.test(token)) throw apiError(404, 'link_invalid')
  const row = ctx.db
    .prepare('SELECT * FROM link_tokens WHERE token_hash = ?')
    .get(sha256(token)) as LinkRow | undefined
  if (!row || (kinds && !kinds.includes(row.kind))) throw apiError(404, 'link_invalid')
  if (row.used_at !== null) throw apiError(410, 'link_used')
  if (row.expires_at <= ctx.clock.now()) throw apiError(410, 'link_expired')
  return row
}

/**
 * Spends a single-use link: one conditional statement, so of any number of overlapping uses
 * exactly one gets through; the others get the reason the link no longer works.
 */
export function spendLink(ctx: ServiceContext, token: string, kinds: readonly LinkKind[]): LinkRow {
  const link = usableLink(ctx, token, kinds)
  const now = ctx.clock.now()
  const spent = ctx.db
    .prepare(
      'UPDATE link_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    )
    .run(now, link.token_hash, now)
  if (spent.changes !== 1) {
    usableLink(ctx, token, kinds)
    throw apiError(410, 'link_used')
  }
  return link
}

/** Once an account is active, its invitation and activation links are spent. */
export function spendLinksOnActivation(ctx: ServiceContext, email: string) {
  ctx.db
    .prepare(
      "UPDATE link_tokens SET used_at = ? WHERE email = ? AND kind IN ('invite', 'activate') AND used_at IS NULL",
    )
    .run(ctx.clock.now(), email)
}
