import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SCRYPT_COST } from '../../../service/security/passwords'
import { commonPasswordCount } from '../../../service/security/common-passwords'
import { openTestService, PASSWORD, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

const NEW_PASSWORD = 'Saint-Laurent~1534!'

describe('device and admin authentication', () => {
  it('refuses kiosk calls without a known device token', async () => {
    for (const headers of [
      { authorization: '' },
      { authorization: 'Bearer nope' },
      { authorization: 'Basic abc' },
    ]) {
      const response = await t.call(
        'POST',
        '/v1/recovery',
        { email: 'a@example.ca', locale: 'fr-CA' },
        headers,
      )
      expect(response.status).toBe(401)
      expect(response.body.error?.code).toBe('unknown_device')
    }
  })

  it('refuses a disabled device', async () => {
    t.service.ctx.db.prepare('UPDATE devices SET disabled = 1').run()
    expect((await t.call('GET', '/v1/devices/current')).body.error?.code).toBe('unknown_device')
  })

  it('invitations need the admin token', async () => {
    const body = {
      email: 'new@example.ca',
      institution: 'Cégep',
      document: { title: 'DEC', issuedOn: '2026-06-01' },
    }
    expect((await t.call('POST', '/v1/invitations', body)).status).toBe(401)
    const created = await t.call('POST', '/v1/invitations', body, {
      authorization: 'Bearer unit-admin-token-0123456789',
    })
    expect(created.status).toBe(201)
    expect(t.outbox('new@example.ca').at(-1)!.text).toMatch(
      /mescertif:\/\/invite\/[A-Za-z0-9_-]{43}/,
    )
  })

  it('health and OpenAPI are public; OpenAPI lists every endpoint', async () => {
    expect((await t.call('GET', '/v1/health', undefined, { authorization: '' })).body).toEqual({
      status: 'ok',
      version: '1.0.0',
    })
    const openapi = await t.call('GET', '/v1/openapi.json', undefined, { authorization: '' })
    const paths = Object.keys(openapi.body.paths as object)
    for (const path of [
      '/v1/registrations',
      '/v1/registrations/{id}/verify',
      '/v1/links/{token}',
      '/v1/sessions',
      '/v1/me/documents',
      '/v1/recovery/{id}/verify',
      '/v1/password-resets',
    ]) {
      expect(paths).toContain(path)
    }
  })
})

describe('sessions', () => {
  it('sign in, profile, documents of the invitations, sign out kills the token', async () => {
    t.invite('doc@example.ca', { title: 'Baccalauréat en droit', issuedOn: '2026-06-10' })
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
    t.invite('p@example.ca')
    await t.register('p@example.ca')
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'p@example.ca', password: PASSWORD })).body
        .error?.code,
    ).toBe('account_not_active')
  })
})

describe('mail links', () => {
  it('an invitation link tells its kind, the masked and full address, and its 30-day expiry', async () => {
    t.invite('inv@example.ca')
    const token = t.lastLinkToken('inv@example.ca', 'invite')
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
    t.invite('act@example.ca')
    await t.register('act@example.ca')
    const token = t.lastLinkToken('act@example.ca', 'activate')
    expect((await t.call('GET', `/v1/links/${token}`)).body).toMatchObject({ kind: 'activate' })
    expect((await t.call('POST', '/v1/activations', { token })).body).toEqual({ status: 'active' })
    expect((await t.call('POST', '/v1/activations', { token })).body.error?.code).toBe('link_used')
    expect((await t.call('GET', `/v1/links/${token}`)).body.error?.code).toBe('link_used')
  })

  it('an activation link lasts 24 h; unknown and malformed tokens are link_invalid', async () => {
    t.invite('old@example.ca')
    await t.register('old@example.ca')
    const token = t.lastLinkToken('old@example.ca', 'activate')
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
    t.invite('h@example.ca')
    const token = t.lastLinkToken('h@example.ca', 'invite')
    expect(
      JSON.stringify(t.service.ctx.db.prepare('SELECT * FROM link_tokens').all()),
    ).not.toContain(token)
  })
})

describe('recovery', () => {
  it('a pending account gets an activation code; the code activates it', async () => {
    t.invite('pend@example.ca')
    await t.register('pend@example.ca')
    t.clock.at += 61_000
    const recovery = await t.call('POST', '/v1/recovery', {
      email: 'pend@example.ca',
      locale: 'en-CA',
    })
    expect(recovery.status).toBe(202)
    expect(t.outbox('pend@example.ca').at(-1)!.subject).toBe('Activate your MyCreds account')
    const verified = await t.call('POST', `/v1/recovery/${recovery.body.recoveryId}/verify`, {
      code: t.lastCode('pend@example.ca'),
    })
    expect(verified.body).toEqual({ next: 'sign_in' })
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'pend@example.ca', password: PASSWORD }))
        .status,
    ).toBe(200)
  })

  it('an active account gets a reset code; the reset token changes the password once and signs out everywhere', async () => {
    await t.activeAccount('act@example.ca')
    const old = (
      await t.call('POST', '/v1/sessions', { email: 'act@example.ca', password: PASSWORD })
    ).body.sessionToken as string
    t.clock.at += 61_000
    const recovery = await t.call('POST', '/v1/recovery', {
      email: 'act@example.ca',
      locale: 'fr-CA',
    })
    expect(t.outbox('act@example.ca').at(-1)!.subject).toBe(
      'Réinitialisez votre mot de passe MesCertif',
    )
    const verified = await t.call('POST', `/v1/recovery/${recovery.body.recoveryId}/verify`, {
      code: t.lastCode('act@example.ca'),
    })
    expect(verified.body).toMatchObject({
      next: 'set_password',
      resetToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    })
    const resetToken = verified.body.resetToken as string
    expect(
      (
        await t.call('POST', '/v1/password-resets', {
          resetToken,
          newPassword: 'Alex-2026-Saint-Laurent!',
        })
      ).body.error,
    ).toMatchObject({ code: 'password_policy', rules: ['personalInfo'] })
    expect(
      (await t.call('POST', '/v1/password-resets', { resetToken, newPassword: NEW_PASSWORD }))
        .status,
    ).toBe(204)
    expect(
      (await t.call('POST', '/v1/password-resets', { resetToken, newPassword: NEW_PASSWORD })).body
        .error?.code,
    ).toBe('link_used')
    expect((await t.call('GET', '/v1/me', undefined, { 'x-session': old })).body.error?.code).toBe(
      'session_expired',
    )
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'act@example.ca', password: PASSWORD }))
        .status,
    ).toBe(401)
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'act@example.ca', password: NEW_PASSWORD }))
        .status,
    ).toBe(200)
  })

  it('the reset link in the email works like the code', async () => {
    await t.activeAccount('link@example.ca')
    t.clock.at += 61_000
    await t.call('POST', '/v1/recovery', { email: 'link@example.ca', locale: 'fr-CA' })
    const resetToken = t.lastLinkToken('link@example.ca', 'reset')
    expect((await t.call('GET', `/v1/links/${resetToken}`)).body).toMatchObject({ kind: 'reset' })
    expect(
      (await t.call('POST', '/v1/password-resets', { resetToken, newPassword: NEW_PASSWORD }))
        .status,
    ).toBe(204)
  })

  it('an unknown address gets the same answer and no mail', async () => {
    const response = await t.call('POST', '/v1/recovery', {
      email: 'ghost@example.ca',
      locale: 'fr-CA',
    })
    expect(response.status).toBe(202)
    expect(t.outbox('ghost@example.ca')).toHaveLength(0)
    const guess = await t.call('POST', `/v1/recovery/${response.body.recoveryId}/verify`, {
      code: '123456',
    })
    expect(guess.body.error).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 })
  })

  it('asking again within the cooldown returns the same recovery and sends nothing new', async () => {
    await t.activeAccount('again@example.ca')
    t.clock.at += 61_000
    const first = await t.call('POST', '/v1/recovery', {
      email: 'again@example.ca',
      locale: 'fr-CA',
    })
    t.clock.at += 10_000
    const second = await t.call('POST', '/v1/recovery', {
      email: 'again@example.ca',
      locale: 'fr-CA',
    })
    expect(second.body).toEqual({ recoveryId: first.body.recoveryId, resendAfterSeconds: 50 })
    expect(
      t.outbox('again@example.ca').filter((m) => /Réinitialisez/.test(m.subject)),
    ).toHaveLength(1)
  })
})

describe('no account enumeration', () => {
  const strip = (body: Record<string, unknown>) =>
    JSON.stringify({ ...body, registrationId: 'x', recoveryId: 'x', maskedEmail: 'x' })

  it('recovery answers byte-identically (but for ids) for active, pending and unknown addresses', async () => {
    await t.activeAccount('active@example.ca')
    t.invite('pending@example.ca')
    await t.register('pending@example.ca')
    t.clock.at += 61_000
    const answers = await Promise.all(
      ['active@example.ca', 'pending@example.ca', 'unknown@example.ca'].map((email) =>
        t.call('POST', '/v1/recovery', { email, locale: 'fr-CA' }),
      ),
    )
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]))
    expect(new Set(answers.map((a) => strip(a.body))).size).toBe(1)
    expect(new Set(answers.map((a) => a.raw.length)).size).toBe(1)
  })

  it('registration answers byte-identically for invited, uninvited, pending and active addresses', async () => {
    await t.activeAccount('active@example.ca')
    t.invite('pending@example.ca')
    await t.register('pending@example.ca')
    t.invite('invited@example.ca')
    t.clock.at += 61_000
    const answers = await Promise.all(
      ['active@example.ca', 'pending@example.ca', 'invited@example.ca', 'stranger@example.ca'].map(
        (email) => t.register(email),
      ),
    )
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]))
    expect(new Set(answers.map((a) => strip(a.body))).size).toBe(1)
    expect(new Set(answers.map((a) => a.raw.length)).size).toBe(1)
  })
})

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
      headers: { authorization: 'Bearer unit-device-token-0123456789', 'content-type': 'text/xml' },
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

describe('the numbers that are not per-request', () => {
  it('production hashes passwords with scrypt N=2^17 (OWASP)', () => {
    expect(DEFAULT_SCRYPT_COST).toBe(2 ** 17)
  })

  it('ships a list of about 10,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(9_900)
  })
})
