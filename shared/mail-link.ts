import { z } from 'zod'

/**
 * The grammar of the links in MesCertif emails (docs/product.md, "Mail links"). Parsed by hand
 * rather than with `URL`, because `URL` normalises exactly what an attacker relies on (`..`, `%2f`,
 * case, default ports): here a link is accepted only if it is, character for character, one of the
 * accepted forms.
 */
export const linkKinds = ['invite', 'activate', 'reset'] as const
export const LinkKind = z.enum(linkKinds)
export type LinkKind = z.infer<typeof LinkKind>

export const MAIL_LINK_MAX_LENGTH = 512
export const LINK_SCHEME = 'mescertif'
/** 32 random bytes in unpadded base64url. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/
export const LinkToken = z.string().regex(LINK_TOKEN_PATTERN)

export const linkRejections = [
  'empty',
  'too_long',
  'forbidden_character',
  'encoded_character',
  'query_or_fragment',
  'bad_scheme',
  'bad_host',
  'bad_path',
  'bad_kind',
  'bad_token',
] as const
export const LinkRejection = z.enum(linkRejections)
export type LinkRejection = z.infer<typeof LinkRejection>

export interface MailLink {
  kind: LinkKind
  token: string
}

export type MailLinkParse = { ok: true; link: MailLink } | { ok: false; reason: LinkRejection }

const HOST_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/

const reject = (reason: LinkRejection): MailLinkParse => ({ ok: false, reason })

function parsePath(path: string): MailLinkParse {
  const segments = path.split('/')
  if (segments.length !== 2) return reject('bad_path')
  const [kind = '', token = ''] = segments
  const parsedKind = LinkKind.safeParse(kind)
  if (!parsedKind.success) return reject('bad_kind')
  if (!LINK_TOKEN_PATTERN.test(token)) return reject('bad_token')
  return { ok: true, link: { kind: parsedKind.data, token } }
}

/**
 * Accepts `mescertif://<kind>/<token>` and `https://<portalHost>/kiosk/<kind>/<token>`.
 * Surrounding whitespace (a scanner's trailing newline, a paste) is trimmed; nothing else is
 * forgiven.
 */
export function parseMailLink(raw: unknown, portalHost: string): MailLinkParse {
  if (typeof raw !== 'string') return reject('empty')
  if (raw.length > MAIL_LINK_MAX_LENGTH) return reject('too_long')
  const text = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')
  if (text === '') return reject('empty')
  // Printable ASCII only: no controls, spaces, look-alike Unicode, or backslashes.
  if (!/^[\x21-\x7e]+$/.test(text) || text.includes('\\')) return reject('forbidden_character')
  if (text.includes('%')) return reject('encoded_character')
  if (text.includes('?') || text.includes('#')) return reject('query_or_fragment')

  const schemeEnd = text.indexOf('://')
  if (schemeEnd < 0) return reject('bad_scheme')
  const scheme = text.slice(0, schemeEnd).toLowerCase()
  const rest = text.slice(schemeEnd + 3)

  if (scheme === LINK_SCHEME) return parsePath(rest)
  if (scheme !== 'https') return reject('bad_scheme')

  const slash = rest.indexOf('/')
  const host = slash < 0 ? rest : rest.slice(0, slash)
  // Exact host: no user-info, no port, no trailing dot, no look-alike.
  if (!HOST_PATTERN.test(host) || host !== portalHost.toLowerCase()) return reject('bad_host')
  const path = slash < 0 ? '' : rest.slice(slash + 1)
  if (!path.startsWith('kiosk/')) return reject('bad_path')
  return parsePath(path.slice('kiosk/'.length))
}

export function formatMailLink(kind: LinkKind, token: string): string {
  return `${LINK_SCHEME}://${kind}/${token}`
}

export function formatPortalLink(portalUrl: string, kind: LinkKind, token: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/kiosk/${kind}/${token}`
}
