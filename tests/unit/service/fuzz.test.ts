import { describe, expect, it } from 'vitest'
import { expectDocumentedAnswer } from './documented-answer'
import { prng } from './prng'
import { DEVICE, openTestService } from './service-harness'

const endpoints: [method: 'GET' | 'POST' | 'DELETE', path: string][] = [
  ['POST', '/v1/registrations'],
  ['POST', '/v1/registrations/0123456789abcdef0123456789abcdef/verify'],
  ['POST', '/v1/registrations/0123456789abcdef0123456789abcdef/resend'],
  ['POST', '/v1/activations'],
  ['GET', '/v1/links/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ['POST', '/v1/sessions'],
  ['DELETE', '/v1/sessions/current'],
  ['GET', '/v1/me'],
  ['POST', '/v1/recovery'],
  ['POST', '/v1/recovery/zz/verify'],
  ['POST', '/v1/password-resets'],
  ['POST', '/v1/invitations'],
]

const fieldNames = [
  'email',
  'password',
  'code',
  'token',
  'firstName',
  'lastName',
  'locale',
  'acceptTerms',
  'acceptPrivacy',
  'resetToken',
  'newPassword',
  '__proto__',
  'constructor',
  'institution',
  'document',
]
const atoms = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  'é',
  '',
  ' ',
  '123456',
  'a@b.ca',
  'fr-CA',
  '\u0000',
  '\ud800',
  'x'.repeat(3000),
  [],
  {},
  [1, 'a'],
  { $gt: '' },
]

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = rand()
  if (depth < 2 && pick < 0.15)
    return Object.fromEntries(
      Array.from({ length: Math.floor(rand() * 4) }, () => [
        fieldNames[Math.floor(rand() * fieldNames.length)]!,
        randomValue(rand, depth + 1),
      ]),
    )
  if (depth < 2 && pick < 0.25)
    return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1))
  if (pick < 0.4)
    return String.fromCharCode(
      ...Array.from({ length: Math.floor(rand() * 40) }, () => Math.floor(rand() * 0xffff)),
    )
  return atoms[Math.floor(rand() * atoms.length)]
}

function randomBody(rand: () => number): string {
  const kind = rand()
  if (kind < 0.1)
    return Array.from({ length: Math.floor(rand() * 60) }, () =>
      String.fromCharCode(Math.floor(rand() * 128)),
    ).join('')
  if (kind < 0.15) return '{"a":'.repeat(Math.floor(rand() * 2000))
  const body = Object.fromEntries(
    Array.from({ length: Math.floor(rand() * 8) }, () => [
      fieldNames[Math.floor(rand() * fieldNames.length)]!,
      randomValue(rand),
    ]),
  )
  return JSON.stringify(body)
}

describe('fuzz: bodies', () => {
  it('2,400 random and malformed bodies: each answer a success or the documented error shape', async () => {
    const t = await openTestService()
    const rand = prng(20261128)
    const statuses = new Map<number, number>()
    try {
      for (let i = 0; i < 2400; i++) {
        const [method, path] = endpoints[i % endpoints.length]!
        const body = method === 'POST' ? randomBody(rand) : undefined
        const headers: Record<string, string> = {}
        if (rand() < 0.3) headers['x-session'] = String(randomValue(rand)).slice(0, 300)
        if (rand() < 0.2)
          headers['idempotency-key'] =
            String(randomValue(rand))
              .replace(/[^\x20-\x7e]/g, '')
              .slice(0, 300) || 'k'
        const response = await t.service.app.inject({
          method,
          url: path,
          headers: {
            authorization: `Bearer ${DEVICE}`,
            'content-type': rand() < 0.9 ? 'application/json' : 'text/plain',
            ...headers,
          },
          ...(body !== undefined ? { payload: body } : {}),
        })
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
        expectDocumentedAnswer(
          response.statusCode,
          response.body,
          `request ${i}: ${method} ${path} ${body?.slice(0, 200)}`,
        )
      }
      expect((await t.call('GET', '/v1/health')).status).toBe(200)
      expect([...statuses.keys()].every((status) => status >= 200 && status < 500)).toBe(true)
    } finally {
      await t.close()
    }
  }, 120_000)
})
