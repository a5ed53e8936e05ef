import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectDocumentedAnswer } from './documented-answer'
import { openListeningService, type ListeningService } from './concurrency/listening-service'
import { prng } from './prng'
import { formatRequest, rawRequest, type RawResponse } from './raw-http'
import { DEVICE } from './service-harness'

/**
 * The HTTP fuzz below the body: paths, headers and encodings, sent as raw bytes over real
 * sockets, so that what Node's parser and Fastify's router refuse before any route runs is
 * tested too (docs/account-service.md: every error the service sends has the documented shape).
 */
let t: ListeningService
beforeAll(async () => {
  t = await openListeningService()
})
afterAll(() => t.close())

const AUTH = `Authorization: Bearer ${DEVICE}\r\n`
const raw = (text: string) => Buffer.from(text, 'latin1')
const post = (head: string, body: string) =>
  raw(
    `POST /v1/recovery HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\n${head}Connection: close\r\n\r\n${body}`,
  )
const get = (path: string, headers: Record<string, string> = {}) =>
  formatRequest({ method: 'GET', path, headers: { authorization: `Bearer ${DEVICE}`, ...headers } })

const cases: [name: string, request: Buffer, status: number, code: string][] = [
  [
    'a path parameter of 500 characters',
    get(`/v1/links/${'A'.repeat(500)}`),
    414,
    'payload_too_large',
  ],
  ['a 20 KB header', get('/v1/health', { 'x-pad': 'x'.repeat(20_000) }), 431, 'payload_too_large'],
  ['a 20 KB path', get(`/v1/${'a'.repeat(20_000)}`), 431, 'payload_too_large'],
  ['a truncated percent-escape', get('/v1/links/%E0%A4%A'), 400, 'validation_failed'],
  ['an invalid percent-escape', get('/v1/registrations/%zz/verify'), 400, 'validation_failed'],
  ['a lone percent sign', get('/v1/links/%'), 400, 'validation_failed'],
  [
    'raw UTF-8 bytes in the path',
    raw(`GET /v1/links/\xc3\xa9 HTTP/1.1\r\nHost: x\r\n${AUTH}\r\n`),
    400,
    'validation_failed',
  ],
  [
    'Content-Length that is not a number',
    post('Content-Length: abc\r\n', '{}'),
    400,
    'validation_failed',
  ],
  [
    'Content-Length shorter than the body',
    post('Content-Length: 2\r\n', '{"email":"a@b.ca"}'),
    400,
    'validation_failed',
  ],
  [
    'two different Content-Lengths',
    post('Content-Length: 2\r\nContent-Length: 3\r\n', '{}'),
    400,
    'validation_failed',
  ],
  [
    'Content-Length and chunked together',
    post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'),
    400,
    'validation_failed',
  ],
  [
    'a malformed chunk size',
    post('Transfer-Encoding: chunked\r\n', 'zz\r\n{}\r\n0\r\n\r\n'),
    400,
    'validation_failed',
  ],
  [
    'a control character in a header',
    raw('GET /v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n'),
    400,
    'validation_failed',
  ],
  [
    'an unknown method',
    raw('FOO /v1/health HTTP/1.1\r\nHost: x\r\n\r\n'),
    400,
    'validation_failed',
  ],
  [
    'no Host in HTTP/1.1',
    raw('GET /v1/health HTTP/1.1\r\nConnection: close\r\n\r\n'),
    400,
    'validation_failed',
  ],
  ['an HTTP/2 preface', raw('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), 400, 'validation_failed'],
  ['binary garbage', raw('\x00\x01\x02 garbage\r\n\r\n'), 400, 'validation_failed'],
  [
    'a body in latin1',
    post('Content-Type: application/json; charset=latin1\r\nContent-Length: 2\r\n', '{}'),
    400,
    'validation_failed',
  ],
  [
    'a gzip body',
    post('Content-Encoding: gzip\r\nContent-Length: 10\r\n', '\x1f\x8b\x08garbage'),
    400,
    'validation_failed',
  ],
  [
    'a chunked body over 16 KiB',
    post('Transfer-Encoding: chunked\r\n', `5000\r\n${'x'.repeat(0x5000)}\r\n0\r\n\r\n`),
    413,
    'payload_too_large',
  ],
]

describe('fuzz: the wire (paths, headers, encodings)', () => {
  it.each(cases.map(([name, request, status, code]) => ({ name, request, status, code })))(
    '$name: $status $code',
    async ({ name, request, status, code }) => {
      const response = await rawRequest(t.port, request)
      expect(response.status).toBe(status)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      expect(response.json?.error?.code).toBe(code)
      expectDocumentedAnswer(response.status, response.body, name)
    },
  )

  it('1,000 random requests built from hostile paths, headers and framings: all answered in shape', async () => {
    const rand = prng(20261204)
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!
    const segments = [
      'v1',
      'links',
      'registrations',
      'recovery',
      'sessions',
      'me',
      '0'.repeat(32),
      'A'.repeat(43),
      '..',
      '',
      '%2F',
      '%00',
      '%ZZ',
      '%E2%82',
      'é',
      '%C3%A9',
      '*',
      '?x=%',
      '#f',
      'a'.repeat(150),
      '%25',
      ';x=1',
      '~',
      '\u0000',
    ]
    const methods = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'get']
    const headerNames = [
      'x-session',
      'idempotency-key',
      'content-type',
      'accept',
      'authorization',
      'x-forwarded-for',
      'cookie',
      'range',
      'expect',
      'x' + 'y'.repeat(300),
    ]
    const headerValues = [
      '',
      ' ',
      'application/json',
      'text/plain',
      '*/*',
      'Bearer x',
      'x'.repeat(4_000),
      '\u00e9',
      'bytes=0-1',
      '100-continue',
      'a,b,c',
      '\t\t',
    ]
    const requests: { bytes: Buffer; head: boolean; context: string }[] = []
    for (let i = 0; i < 1000; i++) {
      const method = pick(methods)
      const path =
        '/' + Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(segments)).join('/')
      const headers = [`Host: x`, rand() < 0.8 ? AUTH.trim() : 'Authorization: Basic Zm9v']
      for (let h = Math.floor(rand() * 5); h > 0; h--)
        headers.push(`${pick(headerNames)}: ${pick(headerValues)}`)
      const body =
        rand() < 0.5
          ? JSON.stringify({ email: 'a@b.ca', code: '123456', x: pick(headerValues) })
          : ''
      const framing = rand()
      if (framing < 0.6) headers.push(`Content-Length: ${Buffer.byteLength(body)}`)
      else if (framing < 0.75) headers.push(`Content-Length: ${Math.floor(rand() * 40)}`)
      else if (framing < 0.9) headers.push('Transfer-Encoding: chunked')
      const chunked = framing >= 0.75 && framing < 0.9
      const chunks = body ? `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n` : ''
      const payload = chunked ? `${chunks}0\r\n\r\n` : body
      const text = `${method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n${payload}`
      requests.push({
        bytes: Buffer.from(text, 'utf8'),
        head: method === 'HEAD',
        context: `#${i} ${JSON.stringify(text.slice(0, 600))}`,
      })
    }
    const statuses = new Set<number>()
    for (let start = 0; start < requests.length; start += 25) {
      const batch = requests.slice(start, start + 25)
      const responses: RawResponse[] = await Promise.all(
        batch.map((r) => rawRequest(t.port, r.bytes)),
      )
      responses.forEach((response, i) => {
        const { head, context } = batch[i]!
        statuses.add(response.status)
        // A HEAD answer has no body, so only its status can be read.
        if (head) return expect(response.status, context).toBeLessThan(500)
        expectDocumentedAnswer(response.status, response.body, context)
        for (const next of response.following ?? [])
          expectDocumentedAnswer(next.status, next.body, `${context} (second answer)`)
      })
    }
    // The generator reaches the parser, the router, the device check and the body parser.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([400, 401, 404, 414, 415, 417]))
    expect((await rawRequest(t.port, get('/v1/health'))).status).toBe(200)
  }, 120_000)
})
