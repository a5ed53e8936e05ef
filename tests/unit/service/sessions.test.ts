import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestService, PASSWORD, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('sessions', () => {
  it('sign in, profile, documents of the invitations, sign out kills the token', async () => {
    await t.invite('doc@example.ca', { title: 'Baccalauréat en droit', issuedOn: '2026-06-10' })
    await t.activeAccount('doc@example.ca')
    const session = await t.call('POST', '/v1/sessions', {
      email: 'DOC@example.ca',
      password: PASSWORD,
    })
    expect(session.status).toBe(200)
    const token = session.body.sessionToken as string
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
    const me = await t.call('GET', '/v1/me', undefined, { 'x-session': token })
    expect(me.body).toMatchObject({
      firstName: 'Alex',
      maskedEmail: 'd•••@example.ca',
      status: 'active',
    })
    const docs = await t.call('GET', '/v1/me/documents', undefined, { 'x-session': token })
    expect(docs.body.documents).toEqual([
      {
        id: expect.any(String),
        title: 'Baccalauréat en droit',
        issuer: 'Cégep de Test',
        issuedOn: '2026-06-10',
      },
    ])
    expect(
      (await t.call('DELETE', '/v1/sessions/current', undefined, { 'x-session': token })).status,
    ).toBe(204)
    expect(
      (await t.call('GET', '/v1/me', undefined, { 'x-session': token })).body.error?.code,
    ).toBe('session_expired')
  })

  it('a new token at each sign-in; 15 min idle and 8 h absolute', async () => {
    await t.activeAccount('s@example.ca')
    const a = (await t.call('POST', '/v1/sessions', { email: 's@example.ca', password: PASSWORD }))
      .body.sessionToken as string
    const b = (await t.call('POST', '/v1/sessions', { email: 's@example.ca', password: PASSWORD }))
      .body.sessionToken as string
    expect(a).not.toBe(b)
    t.clock.at += 15 * 60_000
    expect((await t.call('GET', '/v1/me', undefined, { 'x-session': a })).body.error?.code).toBe(
      'session_expired',
    )
    const c = (await t.call('POST', '/v1/sessions', { email: 's@example.ca', password: PASSWORD }))
      .body.sessionToken as string
    for (let i = 0; i < 35; i++) {
      t.clock.at += 14 * 60_000
      const me = await t.call('GET', '/v1/me', undefined, { 'x-session': c })
      if (i < 34) expect(me.status).toBe(200)
      else expect(me.body.error?.code).toBe('session_expired')
    }
  })

  it('wrong password is invalid_credentials; 10 failures lock for 15 min', async () => {
    await t.activeAccount('l@example.ca')
    for (let i = 1; i < 10; i++) {
      expect(
        (
          await t.call('POST', '/v1/sessions', {
            email: 'l@example.ca',
            password: 'Wrong-Pass-2026!',
          })
        ).body.error?.code,
      ).toBe('invalid_credentials')
    }
    const tenth = await t.call('POST', '/v1/sessions', {
      email: 'l@example.ca',
      password: 'Wrong-Pass-2026!',
    })
    expect(tenth.body.error).toMatchObject({ code: 'account_locked', retryAfterSeconds: 900 })
    t.clock.at += 14 * 60_000
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'l@example.ca', password: PASSWORD })).body
        .error,
    ).toMatchObject({ code: 'account_locked', retryAfterSeconds: 60 })
    t.clock.at += 60_000
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'l@example.ca', password: PASSWORD })).status,
    ).toBe(200)
  })

  it('a pending account with the right password is account_not_active', async () => {
    await t.invite('p@example.ca')
    await t.register('p@example.ca')
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'p@example.ca', password: PASSWORD })).body
        .error?.code,
    ).toBe('account_not_active')
  })
})
