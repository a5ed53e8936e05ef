import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestService, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('mail links', () => {
  it('an invitation link tells its kind, the masked and full address, and its 30-day expiry', async () => {
    await t.invite('inv@example.ca')
    const token = await t.lastLinkToken('inv@example.ca', 'invite')
    const info = await t.call('GET', `/v1/links/${token}`)
    expect(info.body).toMatchObject({
      kind: 'invite',
      maskedEmail: 'i•••@example.ca',
      email: 'inv@example.ca',
    })
    expect(Date.parse(info.body.expiresAt as string) - t.clock.at).toBe(30 * 24 * 3600_000)
    t.clock.at += 30 * 24 * 3600_000
    expect((await t.call('GET', `/v1/links/${token}`)).body.error?.code).toBe('link_expired')
  })

  it('an activation link activates once, then reports used', async () => {
    await t.invite('act@example.ca')
    await t.register('act@example.ca')
    const token = await t.lastLinkToken('act@example.ca', 'activate')
    expect((await t.call('GET', `/v1/links/${token}`)).body).toMatchObject({ kind: 'activate' })
    expect((await t.call('POST', '/v1/activations', { token })).body).toEqual({ status: 'active' })
    expect((await t.call('POST', '/v1/activations', { token })).body.error?.code).toBe('link_used')
    expect((await t.call('GET', `/v1/links/${token}`)).body.error?.code).toBe('link_used')
  })

  it('an activation link lasts 24 h; unknown and malformed tokens are link_invalid', async () => {
    await t.invite('old@example.ca')
    await t.register('old@example.ca')
    const token = await t.lastLinkToken('old@example.ca', 'activate')
    t.clock.at += 24 * 3600_000
    expect((await t.call('POST', '/v1/activations', { token })).body.error?.code).toBe(
      'link_expired',
    )
    expect((await t.call('GET', `/v1/links/${'A'.repeat(43)}`)).body.error?.code).toBe(
      'link_invalid',
    )
    expect((await t.call('GET', '/v1/links/short')).body.error?.code).toBe('link_invalid')
  })

  it('only hashes of link tokens are stored', async () => {
    await t.invite('h@example.ca')
    const token = await t.lastLinkToken('h@example.ca', 'invite')
    expect(JSON.stringify(await t.sql.all('SELECT * FROM link_tokens'))).not.toContain(token)
  })
})
