import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAccountClient } from '@main/account/http-client'
import { nodeCodeForNetError, type NetFetch } from '@main/account/chromium-net-errors'

type Behaviour = (request: IncomingMessage, response: ServerResponse, body: string) => void

/** A local HTTP server that misbehaves on purpose, one behaviour per request in order. */
async function misbehavingServer(behaviours: Behaviour[]) {
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] =
    []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      })
      const behaviour = behaviours[Math.min(seen.length - 1, behaviours.length - 1)]!
      behaviour(request, response, body)
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  servers.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((ok) => server.close(ok))
  }
})

const json =
  (status: number, body: unknown): Behaviour =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
const hang: Behaviour = () => undefined
const reset: Behaviour = (req) => req.socket.destroy()
const garbage: Behaviour = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end('{"registrationId": ')
}
const accepted = json(202, {
  registrationId: 'r1',
  maskedEmail: 'a•••@example.ca',
  resendAfterSeconds: 60,
})
const noSleep = async () => undefined
const body = {
  firstName: 'A',
  lastName: 'B',
  email: 'a@example.ca',
  password: 'x',
  locale: 'fr-CA' as const,
  acceptTerms: true as const,
  acceptPrivacy: true as const,
  termsVersion: '2026-06-01' as const,
  privacyVersion: '2026-06-01' as const,
}

/**
 * A stand-in for Electron's `net.fetch` over Node's fetch, failing the way Electron's does
 * (lib/common/api/net-client-request.ts): `Error('net::ERR_…')`, and under `redirect: 'manual'`
 * `Error('Redirect was cancelled')` instead of handing back the 3xx.
 */
const electronNetFetch: NetFetch = async (input, init) => {
  const request = new Request(input, init)
  let response: Response
  try {
    response = await fetch(request)
  } catch (error) {
    if (request.signal.aborted) throw error
    const cause = (error as { cause?: { code?: string } }).cause?.code
    const name =
      cause === 'ECONNREFUSED'
        ? 'ERR_CONNECTION_REFUSED'
        : cause === 'UND_ERR_SOCKET' || cause === 'ECONNRESET'
          ? 'ERR_EMPTY_RESPONSE'
          : 'ERR_FAILED'
    throw new Error(`net::${name}`, { cause: error })
  }
  if (request.redirect === 'manual' && response.status >= 300 && response.status < 400)
    throw new Error('Redirect was cancelled')
  return response
}

/** The harness keeps axios' Node http adapter; Electron gives axios net.fetch (fetch adapter). */
const transports = [
  { name: 'Node http adapter (harness)', options: {} },
  { name: 'fetch adapter over net.fetch (Electron)', options: { fetch: electronNetFetch } },
] as const

let transport: (typeof transports)[number] = transports[0]
const client = (url: string, timeoutMs = 300) =>
  createAccountClient({
    baseUrl: url,
    deviceToken: 'device-token',
    timeoutMs,
    retryDelaysMs: [1, 1],
    sleep: noSleep,
    ...transport.options,
  })

for (const candidate of transports)
  describe(candidate.name, () => {
    beforeAll(() => {
      transport = candidate
    })
    describe('account client: error mapping', () => {
      it('passes the service error code and details through, without its English message', async () => {
        const server = await misbehavingServer([
          json(422, {
            error: { code: 'invalid_code', message: 'The code is not correct.', attemptsLeft: 3 },
          }),
        ])
        expect(await client(server.url).verifyRegistration('r1', '123456')).toEqual({
          ok: false,
          error: { code: 'invalid_code', attemptsLeft: 3 },
        })
      })

      it('a timeout is "timeout"', async () => {
        const server = await misbehavingServer([hang])
        expect(await client(server.url).verifyRegistration('r1', '123456')).toEqual({
          ok: false,
          error: { code: 'timeout' },
        })
      })

      it('a refused connection is "service_unreachable"', async () => {
        const server = await misbehavingServer([hang])
        const url = server.url
        servers.pop()!.close()
        await new Promise((ok) => setTimeout(ok, 50))
        expect(await client(url).health()).toEqual({
          ok: false,
          error: { code: 'service_unreachable' },
        })
      })

      it('a reset connection is "service_unreachable"', async () => {
        const server = await misbehavingServer([reset])
        expect(await client(server.url).verifyRegistration('r1', '123456')).toEqual({
          ok: false,
          error: { code: 'service_unreachable' },
        })
      })

      it('garbage in a 2xx is "server_error", not a crash', async () => {
        const server = await misbehavingServer([garbage])
        expect(await client(server.url).register(body, 'key')).toEqual({
          ok: false,
          error: { code: 'server_error' },
        })
      })

      it('a 2xx body of the wrong shape is "server_error"', async () => {
        const server = await misbehavingServer([json(202, { registrationId: 42 })])
        expect(await client(server.url).register(body, 'key')).toEqual({
          ok: false,
          error: { code: 'server_error' },
        })
      })

      it.each([
        [500, 'server_error'],
        [401, 'unknown_device'],
        [429, 'rate_limited'],
        [418, 'server_error'],
      ])('an HTML %i page maps by status to %s', async (status, code) => {
        const server = await misbehavingServer([
          (_req, res) =>
            res.writeHead(status, { 'content-type': 'text/html' }).end('<h1>oops</h1>'),
        ])
        expect(await client(server.url).profile('s')).toEqual({ ok: false, error: { code } })
      })

      it('does not follow redirects: "server_error"', async () => {
        const server = await misbehavingServer([
          (_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:9/' }).end(),
        ])
        expect(await client(server.url).health()).toEqual({
          ok: false,
          error: { code: 'server_error' },
        })
        expect(server.seen).toHaveLength(1)
      })

      it('retries a code guess whose connection was refused (it provably never arrived)', async () => {
        const server = await misbehavingServer([hang])
        const url = server.url
        servers.pop()!.close()
        await new Promise((ok) => setTimeout(ok, 50))
        let attempts = 0
        const counting = createAccountClient({
          baseUrl: url,
          deviceToken: 'd',
          timeoutMs: 300,
          retryDelaysMs: [1, 1],
          sleep: async () => void attempts++,
          ...transport.options,
        })
        expect(await counting.verifyRegistration('r1', '123456')).toEqual({
          ok: false,
          error: { code: 'service_unreachable' },
        })
        expect(attempts).toBe(2)
      })

      it('sends the device token, the session and the Idempotency-Key', async () => {
        const server = await misbehavingServer([
          accepted,
          json(200, {
            firstName: 'A',
            lastName: 'B',
            maskedEmail: 'x',
            status: 'active',
            locale: 'fr-CA',
            createdAt: '2026-01-01T00:00:00.000Z',
          }),
        ])
        await client(server.url).register(body, 'idem-1')
        await client(server.url).profile('session-1')
        expect(server.seen[0]!.headers).toMatchObject({
          authorization: 'Bearer device-token',
          'idempotency-key': 'idem-1',
        })
        expect(server.seen[1]!.headers).toMatchObject({
          authorization: 'Bearer device-token',
          'x-session': 'session-1',
        })
      })
    })

    describe('account client: retries', () => {
      it('retries a registration after 503s with the same Idempotency-Key', async () => {
        const server = await misbehavingServer([json(503, {}), json(503, {}), accepted])
        expect((await client(server.url).register(body, 'same-key')).ok).toBe(true)
        expect(server.seen.map((r) => r.headers['idempotency-key'])).toEqual([
          'same-key',
          'same-key',
          'same-key',
        ])
      })

      it('retries a registration after a timeout, with the same key', async () => {
        const server = await misbehavingServer([hang, accepted])
        expect((await client(server.url).register(body, 'k')).ok).toBe(true)
        expect(server.seen).toHaveLength(2)
      })

      it('asks again while the same Idempotency-Key is still in flight', async () => {
        const inFlight = json(409, { error: { code: 'idempotency_in_flight', message: 'x' } })
        const server = await misbehavingServer([inFlight, accepted])
        expect((await client(server.url).register(body, 'k')).ok).toBe(true)
        expect(server.seen).toHaveLength(2)
      })

      it('gives up after two retries', async () => {
        const server = await misbehavingServer([json(502, {})])
        expect(await client(server.url).health()).toEqual({
          ok: false,
          error: { code: 'server_error' },
        })
        expect(server.seen).toHaveLength(3)
      })

      it('never repeats a code guess that may have arrived (timeout, reset, 503)', async () => {
        for (const behaviour of [hang, reset, json(503, {})]) {
          const server = await misbehavingServer([behaviour, json(200, { status: 'active' })])
          expect((await client(server.url).verifyRegistration('r1', '123456')).ok).toBe(false)
          expect(server.seen).toHaveLength(1)
        }
      })

      it('does not retry a 4xx answer', async () => {
        const server = await misbehavingServer([
          json(401, { error: { code: 'invalid_credentials', message: 'x' } }),
          json(200, {}),
        ])
        expect((await client(server.url).signIn('a@example.ca', 'x')).ok).toBe(false)
        expect(server.seen).toHaveLength(1)
      })
    })
  })

describe('net.fetch failures get the codes the client speaks', () => {
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'ECONNREFUSED'],
    ['net::ERR_NAME_NOT_RESOLVED', 'ENOTFOUND'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'ETIMEDOUT'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'ERR_NETWORK'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'ERR_NETWORK'],
    ['Redirect was cancelled', 'ERR_BAD_RESPONSE'],
    ['something else', undefined],
  ])('%s → %s', (message, code) => {
    expect(nodeCodeForNetError(new Error(message))).toBe(code)
  })
})
