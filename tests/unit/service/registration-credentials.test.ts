import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lookUpAccount } from '@service/domain/account-lookup'
import { consentsOf } from '@service/domain/consents'
import { legalDocuments } from '@shared/legal-documents'
import { openTestService, PASSWORD, scriptedCodes, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService({ newCode: scriptedCodes('111111', '222222', '333333', '444444') })
})
afterEach(() => t.close())

const EMAIL = 'shared@example.ca'
const INTRUDER_PASSWORD = 'Autre-Secret#2026!'
const signIn = (password: string) => t.call('POST', '/v1/sessions', { email: EMAIL, password })
const verify = (id: unknown, code: string) =>
  t.call('POST', `/v1/registrations/${String(id)}/verify`, { code })

/** The first person registers; someone else, knowing the address, registers it again. */
async function twoRegistrations() {
  await t.invite(EMAIL)
  const first = await t.register(EMAIL, { firstName: 'Camille' })
  const firstLink = await t.lastLinkToken(EMAIL, 'activate')
  const second = await t.register(EMAIL, { firstName: 'Intrus', password: INTRUDER_PASSWORD })
  expect([first.status, second.status]).toEqual([202, 202])
  return { first: first.body.registrationId, second: second.body.registrationId, firstLink }
}

describe('credentials belong to the registration that will activate them', () => {
  it("a second registration changes nothing the first person's code activates", async () => {
    const { first } = await twoRegistrations()
    expect((await verify(first, '111111')).status).toBe(200)
    expect((await signIn(INTRUDER_PASSWORD)).status).toBe(401)
    const session = await signIn(PASSWORD)
    expect(session.status).toBe(200)
    const me = await t.call('GET', '/v1/me', undefined, {
      'x-session': session.body.sessionToken as string,
    })
    expect(me.body.firstName).toBe('Camille')
  })

  it("the first person's activation link activates the first person's password", async () => {
    const { firstLink } = await twoRegistrations()
    expect((await t.call('POST', '/v1/activations', { token: firstLink })).status).toBe(200)
    expect((await signIn(INTRUDER_PASSWORD)).status).toBe(401)
    expect((await signIn(PASSWORD)).status).toBe(200)
  })

  it('the held registration gets a mail saying one is waiting, no code, and its id takes none', async () => {
    const { second } = await twoRegistrations()
    const mail = (await t.outbox(EMAIL)).at(-1)!
    expect(mail.kind).toBe('registrationPending')
    expect(mail.text).not.toMatch(/^\d{6}$/m)
    expect((await verify(second, '111111')).body.error?.code).toBe('invalid_code')
    expect((await verify(second, '222222')).body.error?.code).toBe('invalid_code')
  })

  it('once the first code has expired, a new registration replaces it: its code and link die', async () => {
    const { first, firstLink } = await twoRegistrations()
    t.clock.at += 60 * 60_000
    const third = await t.register(EMAIL, { firstName: 'Sam', password: INTRUDER_PASSWORD })
    expect((await t.outbox(EMAIL)).at(-1)!.kind).toBe('registrationCode')
    expect((await t.call('GET', `/v1/links/${firstLink}`)).body.error?.code).toBe('link_expired')
    expect((await t.call('POST', '/v1/activations', { token: firstLink })).status).toBe(410)
    expect((await verify(first, '111111')).body.error?.code).toBe('code_expired')
    expect((await verify(third.body.registrationId, '333333')).status).toBe(200)
    expect((await signIn(PASSWORD)).status).toBe(401)
    expect((await signIn(INTRUDER_PASSWORD)).status).toBe(200)
  })

  it("a recovery code for a pending account activates the pending registration's password", async () => {
    await twoRegistrations()
    t.clock.at += 61_000
    const recovery = await t.call('POST', '/v1/recovery', { email: EMAIL, locale: 'fr-CA' })
    expect((await t.outbox(EMAIL)).at(-1)!.kind).toBe('recoveryActivation')
    const code = await t.lastCode(EMAIL)
    const verified = await t.call(
      'POST',
      `/v1/recovery/${String(recovery.body.recoveryId)}/verify`,
      {
        code,
      },
    )
    expect(verified.body).toEqual({ next: 'sign_in' })
    expect((await signIn(INTRUDER_PASSWORD)).status).toBe(401)
    expect((await signIn(PASSWORD)).status).toBe(200)
  })

  it('the password hash of a registration goes once it is activated', async () => {
    const { first } = await twoRegistrations()
    await verify(first, '111111')
    expect(await t.sql.get('SELECT count(*) AS n FROM registration_credentials')).toEqual({ n: 0 })
  })
})

describe('consent', () => {
  it('records, at activation, the version of each text, when, in which language, from which device', async () => {
    await t.invite(EMAIL)
    const registeredAt = t.clock.at
    const registration = await t.register(EMAIL, { locale: 'en-CA' })
    t.clock.at += 5 * 60_000
    await verify(registration.body.registrationId, '111111')
    const account = (await t.sql.get<{ id: string }>(
      'SELECT id FROM accounts WHERE email = ?',
      EMAIL,
    ))!
    expect(await consentsOf(t.service.ctx, account.id)).toEqual(
      (['privacy', 'terms'] as const).map((document) => ({
        document,
        version: legalDocuments[document].version,
        locale: 'en-CA',
        device: 'device-1',
        acceptedAt: new Date(registeredAt).toISOString(),
      })),
    )
  })

  it("staff's look-up of an address shows its status and consent, and nothing secret", async () => {
    await t.invite(EMAIL)
    expect(await lookUpAccount(t.service.ctx, EMAIL)).toEqual({ status: 'none', consents: [] })
    const registration = await t.register(EMAIL)
    expect(await lookUpAccount(t.service.ctx, EMAIL)).toMatchObject({
      status: 'pending',
      consents: [],
    })
    // Not activated: no activation time at all, not an empty or epoch one.
    expect(await lookUpAccount(t.service.ctx, EMAIL)).not.toHaveProperty('activatedAt')
    await verify(registration.body.registrationId, '111111')
    const lookup = await lookUpAccount(t.service.ctx, EMAIL)
    expect(lookup).toMatchObject({ status: 'active', activatedAt: expect.any(String) })
    expect(lookup.consents.map((consent) => consent.document)).toEqual(['privacy', 'terms'])
    expect(JSON.stringify(lookup)).not.toMatch(/scrypt|111111/)
  })

  it('refuses a consent to a version of a text that is not the current one', async () => {
    await t.invite(EMAIL)
    const response = await t.register(EMAIL, { termsVersion: '2020-01-01' })
    expect(response.status).toBe(400)
    expect(response.body.error).toMatchObject({
      code: 'validation_failed',
      fields: { termsVersion: 'invalid' },
    })
  })

  it('a registration that is never activated leaves no consent behind', async () => {
    await t.invite(EMAIL)
    await t.register(EMAIL)
    expect(await t.sql.get('SELECT count(*) AS n FROM consents')).toEqual({ n: 0 })
  })
})
