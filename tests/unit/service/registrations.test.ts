import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestService, PASSWORD, scriptedCodes, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('POST /v1/registrations', () => {
  it('answers 202 and sends an invited address a 6-digit code and an activation link, in its locale', async () => {
    await t.invite('alex@example.ca')
    const response = await t.register('Alex@Example.ca ', { locale: 'en-CA' })
    expect(response.status).toBe(202)
    expect(response.body).toEqual({
      registrationId: expect.stringMatching(/^[0-9a-f]{32}$/),
      maskedEmail: 'a•••@example.ca',
      resendAfterSeconds: 60,
    })
    const mail = (await t.outbox('alex@example.ca')).at(-1)!
    expect(mail.subject).toBe('Your MyCreds verification code')
    expect(await t.lastCode('alex@example.ca')).toMatch(/^\d{6}$/)
    expect(mail.text).toMatch(/mescertif:\/\/activate\/[A-Za-z0-9_-]{43}/)
    expect(mail.text).toMatch(
      /https:\/\/mescertif\.example\.ca\/kiosk\/activate\/[A-Za-z0-9_-]{43}/,
    )
    expect(mail.html).toContain(await t.lastCode('alex@example.ca'))
  })

  it('never stores the code or the password in clear', async () => {
    await t.invite('alex@example.ca')
    await t.register('alex@example.ca')
    const code = await t.lastCode('alex@example.ca')
    const tables = ['verifications', 'accounts', 'registration_credentials', 'idempotency_keys']
    const dump = (
      await Promise.all(tables.map(async (table) => t.sql.all(`SELECT * FROM ${table}`)))
    )
      .map((rows) => JSON.stringify(rows))
      .join('')
    expect(dump).not.toContain(code)
    expect(dump).not.toContain(PASSWORD)
    expect(dump).toContain('scrypt$')
  })

  it('sends an uninvited address an email about whom to contact, and no code', async () => {
    const response = await t.register('nobody@example.ca')
    expect(response.status).toBe(202)
    const mail = (await t.outbox('nobody@example.ca')).at(-1)!
    expect(mail.subject).toBe('Votre demande de compte MesCertif')
    expect(mail.text).not.toMatch(/^\d{6}$/m)
  })

  it('sends an already active address an email pointing to recovery', async () => {
    await t.activeAccount('done@example.ca')
    const response = await t.register('done@example.ca')
    expect(response.status).toBe(202)
    expect((await t.outbox('done@example.ca')).at(-1)!.subject).toBe(
      'Vous avez déjà un compte MesCertif',
    )
  })

  it.each([
    ['a missing field', { firstName: undefined }, 'firstName', 'required'],
    ['a bad email', { email: 'not-an-email' }, 'email', 'invalid'],
    ['terms not accepted', { acceptTerms: false }, 'acceptTerms', 'must_accept'],
    ['a wrong locale', { locale: 'fr-FR' }, 'locale', 'invalid'],
    ['an unknown field', { admin: true }, 'admin', 'invalid'],
    ['a too long name', { firstName: 'x'.repeat(101) }, 'firstName', 'too_long'],
    ['a NUL byte in a name', { lastName: 'Ro\u0000y' }, 'lastName', 'invalid'],
    ['a control character in a name', { firstName: 'Al\u001bex' }, 'firstName', 'invalid'],
  ])('answers validation_failed naming the field for %s', async (_name, extra, field, problem) => {
    const response = await t.register('alex@example.ca', extra)
    expect(response.status).toBe(400)
    expect(response.body.error).toMatchObject({
      code: 'validation_failed',
      fields: { [field]: problem },
    })
  })

  it.each([
    ['Short1!a', ['minLength']],
    ['NoSpecialCharacter12', ['special']],
    ['No-Digits-In-This-One!', ['digit']],
    ['all-lower-case-123!', ['mixedCase']],
    ['Alex-Is-Great-2026!', ['personalInfo']],
    ['Example-ALEX-2026!!', ['personalInfo']],
    ['Password1234567!', ['common']],
    [`${'Aa1!'.repeat(33)}`, ['maxLength']],
  ])('refuses %s with password_policy and the failed rules', async (password, rules) => {
    await t.invite('alex@example.ca')
    const response = await t.register('alex@example.ca', { password })
    expect(response.status).toBe(422)
    expect(response.body.error).toMatchObject({ code: 'password_policy', rules })
    expect(await t.outbox('alex@example.ca')).toHaveLength(1)
  })

  it('accepts 128 characters and never truncates: 127 of them do not sign in', async () => {
    const long = `Aa1!${'é'.repeat(124)}`
    await t.invite('long2@example.ca')
    const registration = await t.register('long2@example.ca', { password: long })
    expect(registration.status).toBe(202)
    await t.call('POST', `/v1/registrations/${registration.body.registrationId}/verify`, {
      code: await t.lastCode('long2@example.ca'),
    })
    expect(
      (
        await t.call('POST', '/v1/sessions', {
          email: 'long2@example.ca',
          password: long.slice(0, 127),
        })
      ).status,
    ).toBe(401)
    expect(
      (await t.call('POST', '/v1/sessions', { email: 'long2@example.ca', password: long })).status,
    ).toBe(200)
  })
})

describe('codes', () => {
  // Scripted codes: whether "the old code dies" never depends on two random codes differing.
  beforeEach(async () => {
    await t.close()
    t = await openTestService({
      newCode: scriptedCodes(...['1', '2', '3', '4', '5', '6', '7', '8'].map((d) => d.repeat(6))),
    })
  })

  async function pending(email = 'alex@example.ca') {
    await t.invite(email)
    const registration = await t.register(email)
    return registration.body.registrationId as string
  }

  it('a right code activates the account', async () => {
    const id = await pending()
    const response = await t.call('POST', `/v1/registrations/${id}/verify`, {
      code: await t.lastCode('alex@example.ca'),
    })
    expect(response).toMatchObject({ status: 200, body: { status: 'active' } })
  })

  it('a wrong code says how many attempts are left, and the fifth kills the code', async () => {
    const id = await pending()
    const good = '111111'
    const wrong = '000000'
    for (const left of [4, 3, 2, 1]) {
      const response = await t.call('POST', `/v1/registrations/${id}/verify`, { code: wrong })
      expect(response.body.error).toMatchObject({ code: 'invalid_code', attemptsLeft: left })
    }
    expect(
      (await t.call('POST', `/v1/registrations/${id}/verify`, { code: wrong })).body.error?.code,
    ).toBe('too_many_attempts')
    expect(
      (await t.call('POST', `/v1/registrations/${id}/verify`, { code: good })).body.error?.code,
    ).toBe('too_many_attempts')
  })

  it('a code is valid 60 minutes, not a second more', async () => {
    const id = await pending()
    const code = await t.lastCode('alex@example.ca')
    t.clock.at += 60 * 60_000
    expect(
      (await t.call('POST', `/v1/registrations/${id}/verify`, { code })).body.error?.code,
    ).toBe('code_expired')
  })

  it('a code used at 59 minutes still works', async () => {
    const id = await pending()
    const code = await t.lastCode('alex@example.ca')
    t.clock.at += 59 * 60_000
    expect((await t.call('POST', `/v1/registrations/${id}/verify`, { code })).status).toBe(200)
  })

  it('resend waits 60 s, sends a new code and kills the old one', async () => {
    const id = await pending()
    t.clock.at += 59_000
    expect((await t.call('POST', `/v1/registrations/${id}/resend`, {})).body.error).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 1,
    })
    t.clock.at += 1_000
    expect((await t.call('POST', `/v1/registrations/${id}/resend`, {})).body).toEqual({
      resendAfterSeconds: 60,
    })
    expect(await t.lastCode('alex@example.ca')).toBe('222222')
    expect(
      (await t.call('POST', `/v1/registrations/${id}/verify`, { code: '111111' })).body.error?.code,
    ).toBe('invalid_code')
    expect(
      (await t.call('POST', `/v1/registrations/${id}/verify`, { code: '222222' })).status,
    ).toBe(200)
  })

  it('sends at most 5 mails per address per hour', async () => {
    const id = await pending()
    for (let i = 0; i < 3; i++) {
      t.clock.at += 61_000
      expect((await t.call('POST', `/v1/registrations/${id}/resend`, {})).status).toBe(202)
    }
    // invitation + registration + 3 resends = 5 in the hour
    t.clock.at += 61_000
    const sixth = await t.call('POST', `/v1/registrations/${id}/resend`, {})
    expect(sixth.body.error).toMatchObject({ code: 'rate_limited' })
    expect(await t.outbox('alex@example.ca')).toHaveLength(5)
    t.clock.at += 60 * 60_000
    expect((await t.call('POST', `/v1/registrations/${id}/resend`, {})).status).toBe(202)
  })

  it('a code is bound to its registration: another registration does not accept it', async () => {
    const first = await pending('a@example.ca')
    const second = await pending('b@example.ca')
    expect(
      (await t.call('POST', `/v1/registrations/${second}/verify`, { code: '111111' })).body.error
        ?.code,
    ).toBe('invalid_code')
    expect(
      (await t.call('POST', `/v1/registrations/${first}/verify`, { code: '111111' })).status,
    ).toBe(200)
  })
})
