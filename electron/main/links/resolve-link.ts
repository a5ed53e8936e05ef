import type { LinkInfo } from '../../../shared/api/schemas'
import { parseMailLink } from '../../../shared/mail-link'
import type { Result } from '../../../shared/result'
import type { AccountClient } from '../account/http-client'
import type { EventLog } from '../event-log'
import type { KioskState } from '../kiosk-state'

/**
 * Parses a raw link with the shared grammar, asks the service what it is, and keeps its token in
 * main (the renderer only learns the kind and the masked address).
 */
export async function resolveMailLink(
  raw: string,
  deps: { client: AccountClient; state: KioskState; log: EventLog; portalHost: string },
): Promise<Result<LinkInfo> | { ok: false; rejection: string }> {
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
  const person = deps.state.person
  person.link = {
    kind: info.data.kind,
    token: parsed.link.token,
    ...(info.data.email ? { email: info.data.email } : {}),
  }
  if (info.data.kind === 'reset') person.resetToken = parsed.link.token
  return info
}
