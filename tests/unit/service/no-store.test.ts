import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEVICE, PASSWORD } from './service-harness'
import { openCounterService, type CounterService } from './counter/counter-harness'

let t: CounterService
beforeEach(async () => {
  t = await openCounterService()
})
afterEach(() => t.close())

/** The raw answer, headers included (the harness's `call` keeps only status and body). */
const inject = (
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${DEVICE}` },
) =>
  t.service.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  })

describe('answers with a token or personal data are never cached (issue 25, rule 13)', () => {
  it('sessions, profile, documents, links, staff sessions and records all say Cache-Control: no-store', async () => {
    await t.activeAccount('alex@example.ca')
    await t.invite('sam@example.ca')
    const session = await inject('POST', '/v1/sessions', {
      email: 'alex@example.ca',
      password: PASSWORD,
    })
    const student = { authorization: `Bearer ${DEVICE}`, 'x-session': session.json().sessionToken }
    const staffToken = await t.signedInStaff()
    const responses = [
      session,
      await inject('GET', '/v1/me', undefined, student),
      await inject('GET', '/v1/me/documents', undefined, student),
      await inject('GET', `/v1/links/${await t.lastLinkToken('sam@example.ca', 'invite')}`),
      await inject(
        'POST',
        '/v1/staff/lookups',
        { email: 'sam@example.ca' },
        { ...t.onCounter(), 'x-staff-session': staffToken },
      ),
      await inject(
        'POST',
        '/v1/staff/sessions',
        { email: 'marie.cote@registraire.example.ca', password: 'Guichet-Registraire#2026' },
        t.onCounter(),
      ),
    ]
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200])
    for (const response of responses) expect(response.headers['cache-control']).toBe('no-store')
  })
})
