import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestService, PASSWORD, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

const NEW_PASSWORD = 'Saint-Laurent~1534!'

describe('recovery', () => {
  it('a pending account gets an activation code; the code activates it', async () => {
    await t.invite('pend@example.ca')
    await t.register('pend@example.ca')
    t.clock.at += 61_000
    const recovery = await t.call('POST', '/v1/recovery', {
      email: 'pend@example.ca',
      locale: 'en-CA',
    })
    expect(recovery.status).toBe(202)
    expect((await t.outbox('pend@example.ca')).at(-1)!.subject).toBe(
      'Activate your MyCreds account',
    )
    const verified = await t.call('POST', `/v1/recovery/${recovery.body.recoveryId}/verify`, {
      code: await t.lastCode('pend@example.ca'),
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
    expect((await t.outbox('act@example.ca')).at(-1)!.subject).toBe(
      'Réinitialisez votre mot de passe MesCertif',
    )
    const verified = await t.call('POST', `/v1/recovery/${recovery.body.recoveryId}/verify`, {
      code: await t.lastCode('act@example.ca'),
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
    const resetToken = await t.lastLinkToken('link@example.ca', 'reset')
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
    expect(await t.outbox('ghost@example.ca')).toHaveLength(0)
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
      (await t.outbox('again@example.ca')).filter((m) => /Réinitialisez/.test(m.subject)),
    ).toHaveLength(1)
  })
})
