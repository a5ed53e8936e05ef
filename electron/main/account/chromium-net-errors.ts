/**
 * In Electron the account client's requests go through `net.fetch` (Chromium's network stack:
 * the OS proxy/PAC settings and the OS certificate store apply; see docs/deployment.md). A failed
 * request there rejects with a bare `Error('net::ERR_…')` (Electron's
 * lib/common/api/net-client-request.ts), and a redirect under `redirect: 'manual'` with
 * `Error('Redirect was cancelled')`. This gives those errors the Node error codes the client's
 * retry rules and error mapping already speak, so both transports end in the same shared codes.
 */
const NODE_CODE_BY_NET_ERROR: Readonly<Record<string, string>> = {
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'ECONNRESET',
  ERR_CONNECTION_ABORTED: 'ECONNRESET',
  ERR_EMPTY_RESPONSE: 'ECONNRESET',
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_NAME_RESOLUTION_FAILED: 'ENOTFOUND',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_INTERNET_DISCONNECTED: 'ENETUNREACH',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_TIMED_OUT: 'ETIMEDOUT',
}

/** The code for an error `net.fetch` rejected with: a Node code, or axios' generic ones. */
export function nodeCodeForNetError(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  if (error.message === 'Redirect was cancelled') return 'ERR_BAD_RESPONSE'
  const netError = /^net::(ERR_[A-Z0-9_]+)/.exec(error.message)?.[1]
  if (!netError) return undefined
  // Proxy, tunnel and certificate failures (ERR_PROXY_*, ERR_CERT_*...): the network, generically.
  return NODE_CODE_BY_NET_ERROR[netError] ?? 'ERR_NETWORK'
}

/**
 * A proxy between the kiosk and the service that stands in the way. `net.fetch` cannot answer a
 * proxy's request for credentials: its request has no `login` listener, so Electron cancels the
 * authentication (lib/common/api/net-client-request.ts, `_urlLoader.on('login')`) and the request
 * ends with the proxy's refusal — a 407 answer, or a `net::ERR_PROXY_AUTH_…` / tunnel error.
 * Chromium answers NTLM and Kerberos proxies by itself with the session's own credentials.
 */
export type ProxyProblem = 'proxy_auth_required' | 'proxy_refused'

export function proxyProblemOf(
  status: number | undefined,
  error: unknown,
): ProxyProblem | undefined {
  if (status === 407) return 'proxy_auth_required'
  const message = error instanceof Error ? error.message : ''
  if (/^net::ERR_PROXY_AUTH_/.test(message)) return 'proxy_auth_required'
  if (/^net::ERR_TUNNEL_CONNECTION_FAILED\b/.test(message)) return 'proxy_refused'
  return undefined
}

/** `net.fetch`'s shape (it takes no URL object). */
export type NetFetch = (input: string | Request, init?: RequestInit) => Promise<Response>

/** Wraps `net.fetch` so its failures carry a `code` (aborts, e.g. axios' timeout, pass as they are). */
export function withNodeErrorCodes(fetch: NetFetch) {
  return async (input: string | Request | URL, init?: RequestInit): Promise<Response> => {
    try {
      return await fetch(input instanceof URL ? input.href : input, init)
    } catch (error) {
      const code = nodeCodeForNetError(error)
      if (code) Object.assign(error as Error, { code })
      throw error
    }
  }
}
