import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestService, PASSWORD, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

/** Sign-in, the account, a recovery and its code, a link: the reads a running instance repeats. */
async function everydayRequests(email: string) {
  const session = await t.call('POST', '/v1/sessions', { email, password: PASSWORD })
  expect(session.status).toBe(200)
  const headers = { 'x-session': String(session.body.sessionToken) }
  expect((await t.call('GET', '/v1/me', undefined, headers)).status).toBe(200)
  t.clock.at += 61_000
  const recovery = await t.call('POST', '/v1/recovery', { email, locale: 'fr-CA' })
  const verified = await t.call('POST', `/v1/recovery/${recovery.body.recoveryId}/verify`, {
    code: await t.lastCode(email),
  })
  expect(verified.body).toMatchObject({ next: 'set_password' })
  const reset = await t.lastLinkToken(email, 'reset')
  expect((await t.call('GET', `/v1/links/${reset}`)).status).toBe(200)
}

describe('a rolling upgrade: an additive migration while instances run', () => {
  it('columns added to every table leave the running instances working', async () => {
    await t.activeAccount('running@example.ca')
    await everydayRequests('running@example.ca')
    // What `service migrate` of a next version may do while this version serves.
    for (const table of [
      'accounts',
      'verifications',
      'link_tokens',
      'sessions',
      'staff',
      'registration_credentials',
      'invitations',
      'devices',
    ])
      await t.sql.run(`ALTER TABLE ${table} ADD COLUMN added_later TEXT`)
    await everydayRequests('running@example.ca')
    await t.activeAccount('after@example.ca')
    await everydayRequests('after@example.ca')
  })
})
