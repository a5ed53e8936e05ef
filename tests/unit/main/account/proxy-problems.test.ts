import { describe, expect, it } from 'vitest'
import type { NetFetch, ProxyProblem } from '@main/account/chromium-net-errors'
import { createAccountClient } from '@main/account/http-client'
import { runCli } from '@main/cli'
import { demoConfig } from '@main/config/demo'

/**
 * A campus proxy that asks for credentials. `net.fetch` sends none (it cannot answer `login`), so
 * Chromium hands back the proxy's 407, or fails with `net::ERR_PROXY_AUTH_…`; a CONNECT refused
 * outright is `net::ERR_TUNNEL_CONNECTION_FAILED`.
 */
let requests = 0
/** Electron's net.fetch builds a Response from what Chromium got (lib/browser/api/net-fetch.ts). */
const proxyAsking: NetFetch = async () => {
  requests++
  return new Response(null, {
    status: 407,
    headers: { 'Proxy-Authenticate': 'Basic realm="campus"' },
  })
}

const failing =
  (message: string): NetFetch =>
  async () => {
    throw new Error(message)
  }

function client(fetch: NetFetch, problems: ProxyProblem[]) {
  return createAccountClient({
    baseUrl: 'https://accounts.example.ca',
    deviceToken: 'device-token',
    retryDelaysMs: [1, 1],
    sleep: async () => undefined,
    fetch,
    onProxyProblem: (problem) => problems.push(problem),
  })
}

describe('a proxy in the way is named, not just "service unreachable"', () => {
  it.each([
    ['a 407 answer', 'proxy_auth_required', proxyAsking],
    [
      'net::ERR_PROXY_AUTH_REQUESTED',
      'proxy_auth_required',
      failing('net::ERR_PROXY_AUTH_REQUESTED'),
    ],
    [
      'net::ERR_PROXY_AUTH_UNSUPPORTED',
      'proxy_auth_required',
      failing('net::ERR_PROXY_AUTH_UNSUPPORTED'),
    ],
    [
      'net::ERR_TUNNEL_CONNECTION_FAILED',
      'proxy_refused',
      failing('net::ERR_TUNNEL_CONNECTION_FAILED'),
    ],
  ] as const)(
    '%s: the person sees service_unreachable, IT hears %s',
    async (_name, expected, fetch) => {
      const problems: ProxyProblem[] = []
      const result = await client(fetch, problems).health()
      expect(result).toEqual({ ok: false, error: { code: 'service_unreachable' } })
      expect(problems).toEqual([expected])
    },
  )

  it('a 407 is not retried: the proxy will not change its mind', async () => {
    const before = requests
    await client(proxyAsking, []).health()
    expect(requests - before).toBe(1)
  })

  it('other network failures say nothing about a proxy', async () => {
    const problems: ProxyProblem[] = []
    await client(failing('net::ERR_CONNECTION_REFUSED'), problems).health()
    expect(problems).toEqual([])
  })

  it('--check names it, in one line with what to do', async () => {
    const err: string[] = []
    const code = await runCli(['kiosk', '--check', '--config', '/c.json'], {
      secrets: {
        get: async (name) => (name === 'device-token' ? 'device-token-0123456789' : 'scrypt$x'),
        set: async () => undefined,
        delete: async () => true,
      },
      environment: {
        env: {},
        platform: 'linux',
        readFile: () => JSON.stringify(demoConfig('https://accounts.example.ca')),
      },
      fetch: failing('net::ERR_PROXY_AUTH_REQUESTED'),
      out: () => undefined,
      err: (line) => err.push(line),
      timeoutMs: 1000,
    })
    expect(code).toBe(1)
    expect(err).toEqual([
      'service: the proxy asks for credentials, which the kiosk does not send; let the kiosk reach the service without proxy authentication (by its address, or integrated Windows authentication) (https://accounts.example.ca)',
    ])
  })
})
