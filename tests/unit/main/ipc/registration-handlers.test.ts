import { describe, expect, it } from 'vitest'
import type { Result } from '@shared/result'
import { legalDocuments } from '@shared/legal-documents'
import { handlerSetup } from './handler-fakes'

const IDENTITY = {
  firstName: 'Alex',
  lastName: 'Roy',
  email: ' alex.roy@example.ca ',
  password: 'Rivière-Bleue#2026!',
  locale: 'fr-CA',
}
const ACCEPTED = {
  ok: true,
  data: { registrationId: 'reg-1', maskedEmail: 'a•••@example.ca', resendAfterSeconds: 60 },
} as const
const NO_FLOW = { ok: false, error: { code: 'no_pending_flow' } }

describe('registration handlers', () => {
  it.each([
    [false, true, { acceptTerms: 'must_accept' }],
    [true, false, { acceptPrivacy: 'must_accept' }],
    [false, false, { acceptTerms: 'must_accept', acceptPrivacy: 'must_accept' }],
  ])(
    'terms %s, privacy %s: refused in main, naming what to accept',
    async (terms, privacy, fields) => {
      const { call, calls } = handlerSetup()
      expect(
        await call('registration.submit', {
          ...IDENTITY,
          acceptTerms: terms,
          acceptPrivacy: privacy,
        }),
      ).toEqual({ ok: false, error: { code: 'validation_failed', fields } })
      expect(calls).toEqual([])
    },
  )

  it('sends the trimmed address with the versions of the texts accepted, and keeps the registration in main', async () => {
    const { call, calls, state, lines } = handlerSetup({ answers: { register: ACCEPTED } })
    expect(
      await call('registration.submit', { ...IDENTITY, acceptTerms: true, acceptPrivacy: true }),
    ).toEqual({ ok: true, data: { maskedEmail: 'a•••@example.ca', resendAfterSeconds: 60 } })
    expect(calls).toEqual([
      {
        method: 'register',
        args: [
          {
            ...IDENTITY,
            email: 'alex.roy@example.ca',
            acceptTerms: true,
            acceptPrivacy: true,
            termsVersion: legalDocuments.terms.version,
            privacyVersion: legalDocuments.privacy.version,
          },
          'key-1',
        ],
      },
    ])
    expect(state.person.registration).toEqual({ id: 'reg-1' })
    expect(lines).toEqual(['registration.submitted ok=true'])
  })

  it('a refused registration keeps no registration id', async () => {
    const refusal: Result<never> = {
      ok: false,
      error: { code: 'password_policy', rules: ['common'] },
    }
    const { call, state } = handlerSetup({ answers: { register: refusal } })
    expect(
      await call('registration.submit', { ...IDENTITY, acceptTerms: true, acceptPrivacy: true }),
    ).toEqual(refusal)
    expect(state.person.registration).toBeUndefined()
  })

  it('verify and resend need a registration first', async () => {
    const { call, calls } = handlerSetup()
    expect(await call('registration.verify', { code: '123456' })).toEqual(NO_FLOW)
    expect(await call('registration.resend')).toEqual(NO_FLOW)
    expect(calls).toEqual([])
  })

  it('a right code ends the registration in main', async () => {
    const { call, calls, state, lines } = handlerSetup({
      answers: { verifyRegistration: { ok: true, data: { status: 'active' } } },
    })
    state.person.registration = { id: 'reg-1' }
    state.person.link = { kind: 'invite', token: 'x', email: 'alex.roy@example.ca' }
    expect(await call('registration.verify', { code: '123456' })).toEqual({
      ok: true,
      data: { status: 'active' },
    })
    expect(calls).toEqual([{ method: 'verifyRegistration', args: ['reg-1', '123456'] }])
    expect(state.person).toEqual({})
    expect(lines).toEqual(['registration.verified ok=true'])
  })

  it('a wrong code keeps the registration for another try', async () => {
    const wrong = { ok: false, error: { code: 'invalid_code', attemptsLeft: 4 } } as const
    const { call, state } = handlerSetup({ answers: { verifyRegistration: wrong } })
    state.person.registration = { id: 'reg-1' }
    expect(await call('registration.verify', { code: '000000' })).toEqual(wrong)
    expect(state.person.registration).toEqual({ id: 'reg-1' })
  })

  it('resends the code of the registration in progress', async () => {
    const { call, calls, state, lines } = handlerSetup({
      answers: { resendRegistration: { ok: true, data: { resendAfterSeconds: 60 } } },
    })
    state.person.registration = { id: 'reg-1' }
    expect(await call('registration.resend')).toEqual({
      ok: true,
      data: { resendAfterSeconds: 60 },
    })
    expect(calls).toEqual([{ method: 'resendRegistration', args: ['reg-1'] }])
    expect(lines).toEqual(['registration.resent ok=true'])
  })
})
