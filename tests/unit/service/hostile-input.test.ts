import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEVICE, openTestService, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('hostile input', () => {
  it.each([
    ['malformed JSON', '{"email": ', 400, 'validation_failed'],
    ['a JSON string', '"hello"', 400, 'validation_failed'],
    [
      'a prototype-pollution body',
      '{"__proto__": {"admin": true}, "email": "a@b.ca", "locale": "fr-CA"}',
      400,
      'validation_failed',
    ],
    [
      'a body over 16 KiB',
      JSON.stringify({ email: 'a@example.ca', locale: 'fr-CA', pad: 'x'.repeat(17 * 1024) }),
      413,
      'payload_too_large',
    ],
  ])('%s gets a 4xx with a code, never a 500 or a stack', async (_name, body, status, code) => {
    const response = await t.call('POST', '/v1/recovery', body)
    expect(response.status).toBe(status)
    expect(response.body.error?.code).toBe(code)
    expect(response.raw).not.toMatch(/at .*\.ts:\d+|stack/i)
  })

  it('a non-JSON content type is a 415', async () => {
    const response = await t.service.app.inject({
      method: 'POST',
      url: '/v1/recovery',
      headers: { authorization: `Bearer ${DEVICE}`, 'content-type': 'text/xml' },
      payload: '<a/>',
    })
    expect(response.statusCode).toBe(415)
  })

  it('an unknown route is a 404 with a code', async () => {
    expect((await t.call('GET', '/v1/admin')).body.error?.code).toBe('not_found')
  })

  it('rate-limits per device', async () => {
    const limited = await openTestService({ deviceRequestsPerMinute: 3 })
    try {
      const statuses = []
      for (let i = 0; i < 5; i++)
        statuses.push((await limited.call('GET', '/v1/devices/current')).status)
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      limited.clock.at += 60_000
      expect((await limited.call('GET', '/v1/devices/current')).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
