import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PASSWORD } from '../service-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const NEW_PASSWORD = 'Saint-Laurent~1534!'
const count = async (sql: string) => (await t.sql.get<{ n: number }>(sql))!.n

describe('single-use links under parallel requests', () => {
  it('an activation link used 20 times at once activates once; the rest are told it is used', async () => {
    await t.invite('act@example.ca')
    await t.register('act@example.ca')
    const token = await t.lastLinkToken('act@example.ca', 'activate')
    const responses = await t.parallel(
      times(20, () => t.json('POST', '/v1/activations', { token })),
    )
    expect(tally(responses)).toEqual({ '200': 1, '410 link_used': 19 })
    expect(await count('SELECT count(*) AS n FROM consents')).toBe(2)
  })

  it('the code and the link of one registration at once: one activation, one consent record', async () => {
    await t.invite('both@example.ca')
    const registration = await t.register('both@example.ca')
    const code = await t.lastCode('both@example.ca')
    const token = await t.lastLinkToken('both@example.ca', 'activate')
    const id = String(registration.body.registrationId)
    const responses = await t.parallel([
      ...times(10, () => t.json('POST', '/v1/activations', { token })),
      ...times(10, () => t.json('POST', `/v1/registrations/${id}/verify`, { code })),
    ])
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1)
    expect(await count('SELECT count(*) AS n FROM consents')).toBe(2)
    expect(await count("SELECT count(*) AS n FROM accounts WHERE status = 'active'")).toBe(1)
  })

  it('a reset token used 20 times at once changes the password once', async () => {
    await t.activeAccount('reset@example.ca')
    t.clock.at += 61_000
    await t.call('POST', '/v1/recovery', { email: 'reset@example.ca', locale: 'fr-CA' })
    const resetToken = await t.lastLinkToken('reset@example.ca', 'reset')
    const responses = await t.parallel(
      times(20, (i) =>
        t.json('POST', '/v1/password-resets', { resetToken, newPassword: `${NEW_PASSWORD}${i}` }),
      ),
    )
    expect(tally(responses)).toEqual({ '204': 1, '410 link_used': 19 })
    const winner = responses.findIndex((r) => r.status === 204)
    const signIns = await t.parallel([
      t.json('POST', '/v1/sessions', { email: 'reset@example.ca', password: PASSWORD }),
      t.json('POST', '/v1/sessions', {
        email: 'reset@example.ca',
        password: `${NEW_PASSWORD}${winner}`,
      }),
    ])
    expect(signIns.map((r) => r.status)).toEqual([401, 200])
  })
})
