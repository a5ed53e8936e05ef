import type { LinkKind } from '../../shared/mail-link'
import { formatMailLink, formatPortalLink, LINK_TOKEN_PATTERN } from '../../shared/mail-link'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { newLinkToken, sha256 } from '../security/secrets'

export interface LinkRow {
  token_hash: string
  kind: LinkKind
  email: string
  account_id: string | null
  invitation_id: string | null
  expires_at: number
  used_at: number | null
}

export function issueLink(
  ctx: ServiceContext,
  kind: LinkKind,
  email: string,
  lifetimeMs: number,
  refs: { accountId?: string; invitationId?: string } = {},
) {
  const token = newLinkToken()
  const now = ctx.clock.now()
  ctx.db
    .prepare(
      'INSERT INTO link_tokens (token_hash, kind, email, account_id, invitation_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      sha256(token),
      kind,
      email,
      refs.accountId ?? null,
      refs.invitationId ?? null,
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

export function markLinkUsed(ctx: ServiceContext, tokenHash: string) {
  ctx.db
    .prepare('UPDATE link_tokens SET used_at = ? WHERE token_hash = ?')
    .run(ctx.clock.now(), tokenHash)
}

/** Once an account is active, its invitation and activation links are spent. */
export function spendLinksOnActivation(ctx: ServiceContext, email: string) {
  ctx.db
    .prepare(
      "UPDATE link_tokens SET used_at = ? WHERE email = ? AND kind IN ('invite', 'activate') AND used_at IS NULL",
    )
    .run(ctx.clock.now(), email)
}
