import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { SECURITY_HEADERS } from './csp'
import { isOutOfOrderReason, OUT_OF_ORDER_PAGE, withOutOfOrderReason } from './out-of-order'

export const APP_SCHEME = 'app'
export const APP_HOST = 'kiosk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** `standard` + `secure`, and deliberately no `bypassCSP`, no service workers, no fetch/CORS. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

/**
 * The file an app:// URL stands for, or undefined. Only `app://kiosk/...`; the decoded path must
 * stay inside `root` (no `..`, no encoded separators, no NUL), and only known file types are served.
 */
export function resolveAppAsset(url: string, root: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined
  if (/%2f|%5c|%00/i.test(parsed.pathname)) return undefined
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return undefined
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '')
  const rootDir = resolve(root)
  const file = resolve(rootDir, relative)
  if (!file.startsWith(rootDir + sep)) return undefined
  if (!CONTENT_TYPES[extname(file)]) return undefined
  return file
}

/** Serves the built renderer with the security headers; anything else is a 404. */
export async function serveAppRequest(url: string, root: string): Promise<Response> {
  const file = resolveAppAsset(url, root)
  if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
  try {
    const body = await readFile(file)
    const reason = new URL(url).searchParams.get('reason')
    const outOfOrder = file === resolve(root, OUT_OF_ORDER_PAGE.slice(1))
    return new Response(
      outOfOrder && isOutOfOrderReason(reason)
        ? withOutOfOrderReason(body.toString('utf8'), reason)
        : body,
      {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] as string },
      },
    )
  } catch {
    return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
  }
}
