import type { LinkInfo } from '@shared/api/schemas'
import type { KioskError } from '@shared/errors'
import { parseMailLink, type LinkRejection } from '@shared/mail-link'
import type { AccountClient } from '../account/http-client'
import type { EventLog } from '../event-log'
import type { ResolvedLink } from '../kiosk-state'

export type LinkResolution =
  | { ok: true; info: LinkInfo; link: ResolvedLink }
  | { ok: false; error: KioskError }
  | { ok: false; rejection: LinkRejection }

/**
 * Parses a raw link with the shared grammar and asks the service what it is. The caller decides
 * where the link is kept; the renderer only ever learns `info` (the kind and the masked address).
 */
export async function resolveMailLink(
  raw: string,
  deps: { client: AccountClient; log: EventLog; portalHost: string },
): Promise<LinkResolution> {
  const parsed = parseMailLink(raw, deps.portalHost)
  if (!parsed.ok) {
    deps.log.warn('link.rejected', { reason: parsed.reason })
    return { ok: false, rejection: parsed.reason }
  }
  const info = await deps.client.resolveLink(parsed.link.token)
  if (!info.ok) {
    deps.log.info('link.unusable', { code: info.error.code })
    return info
  }
  if (info.data.kind !== parsed.link.kind) return { ok: false, error: { code: 'link_invalid' } }
  deps.log.info('link.resolved', { kind: info.data.kind })
  const link: ResolvedLink = {
    kind: info.data.kind,
    token: parsed.link.token,
    ...(info.data.email ? { email: info.data.email } : {}),
  }
  return { ok: true, info: info.data, link }
}
