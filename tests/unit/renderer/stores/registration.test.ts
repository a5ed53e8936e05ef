import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/result'
import { useAppStore } from '@renderer/stores/app'
import { useRegistrationStore } from '@renderer/stores/registration'
import { deferred, installFakeKiosk, ok } from '../fake-kiosk'

const NOW = new Date('2026-06-01T12:00:00Z').getTime()
const GOOD = 'Rivière-Bleue#2026!'
const accepted = ok({ maskedEmail: 'e•••@example.ca', resendAfterSeconds: 60 })

function filledStore() {
  const registration = useRegistrationStore()
  Object.assign(registration.draft, {
    firstName: 'Élise',
    lastName: 'Poirier',
    email: 'elise.poirier@example.ca',
    password: GOOD,
    confirm: GOOD,
    acceptTerms: true,
    acceptPrivacy: true,
  })
  registration.identityConfirmed = true
  return registration
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
})
afterEach(() => vi.useRealTimers())

describe('registration store: the draft and its checks', () => {
  it('finds each missing or malformed identity field, in screen order', () => {
    const registration = useRegistrationStore()
    expect(registration.identityProblems).toEqual({
      firstName: 'required',
      lastName: 'required',
      email: 'required',
    })
    Object.assign(registration.draft, { firstName: ' Élise ', lastName: '  ', email: 'elise@' })
    expect(registration.identityProblems).toEqual({ lastName: 'required', email: 'invalid' })
  })

  it('finds unchecked consents and a password with the person’s name in it', () => {
    const registration = filledStore()
    expect(registration.passwordStepProblems).toEqual({
      fields: {},
      hiddenRules: [],
      consents: {},
    })
    Object.assign(registration.draft, {
      password: 'Poirier-2026-Laval!',
      confirm: 'Poirier-2026-Laval!',
      acceptPrivacy: false,
    })
    expect(registration.passwordStepProblems).toEqual({
      fields: { password: 'invalid' },
      hiddenRules: ['personalInfo'],
      consents: { acceptPrivacy: 'must_accept' },
    })
  })

  it('starts from an invitation with the address prefilled and locked, nothing of before kept', () => {
    const registration = filledStore()
    registration.startFromInvitation({
      kind: 'invite',
      email: 'invited@example.ca',
      firstName: 'Amélie',
      maskedEmail: 'i•••@example.ca',
      expiresAt: '2026-07-01T00:00:00Z',
    })
    expect(registration.draft).toMatchObject({
      email: 'invited@example.ca',
      firstName: 'Amélie',
      lastName: '',
      password: '',
    })
    expect(registration.emailLocked).toBe(true)
    expect(registration.identityConfirmed).toBe(false)
  })
})

describe('registration store: talking to main', () => {
  it('sends the draft in the kiosk’s language, busy meanwhile; then forgets the password', async () => {
    const answer = deferred<Result<unknown>>()
    const kiosk = installFakeKiosk({ 'registration.submit': () => answer.promise })
    useAppStore().switchLocale('en-CA')
    const registration = filledStore()
    const sending = registration.submit()
    expect(registration.busy).toBe(true)
    expect(kiosk.lastPayload('registration.submit')).toEqual({
      firstName: 'Élise',
      lastName: 'Poirier',
      email: 'elise.poirier@example.ca',
      password: GOOD,
      locale: 'en-CA',
      acceptTerms: true,
      acceptPrivacy: true,
    })
    answer.resolve(accepted)
    expect(await sending).toBe(true)
    expect(registration.busy).toBe(false)
    expect(registration.maskedEmail).toBe('e•••@example.ca')
    expect(registration.resendAvailableAt).toBe(NOW + 60_000)
    expect(registration.draft).toMatchObject({ email: 'elise.poirier@example.ca', password: '' })
    expect(registration.draft.confirm).toBe('')
  })

  it('keeps everything typed when the service refuses the password, with the rules it broke', async () => {
    installFakeKiosk({
      'registration.submit': () => ({
        ok: false,
        error: { code: 'password_policy', rules: ['common'] },
      }),
    })
    const registration = filledStore()
    expect(await registration.submit()).toBe(false)
    expect(registration.draft.password).toBe(GOOD)
    expect(registration.failedRules).toEqual(['common'])
    expect(registration.identityConfirmed).toBe(true)
  })

  it('sends the person back to the identity step when the service faults an identity field', async () => {
    const refused = (field: string): Result<unknown> => ({
      ok: false,
      error: { code: 'validation_failed', fields: { [field]: 'invalid' } },
    })
    const kiosk = installFakeKiosk({ 'registration.submit': () => refused('acceptTerms') })
    const registration = filledStore()
    await registration.submit()
    expect(registration.fieldErrors).toEqual({ acceptTerms: 'invalid' })
    expect(registration.identityConfirmed).toBe(true)
    kiosk.answers['registration.submit'] = () => refused('lastName')
    await registration.submit()
    expect(registration.identityConfirmed).toBe(false)
  })

  it('a resend during the cooldown moves the countdown to the service’s time; a resend says so', async () => {
    const kiosk = installFakeKiosk({
      'registration.resend': () => ({
        ok: false,
        error: { code: 'rate_limited', retryAfterSeconds: 42 },
      }),
    })
    const registration = filledStore()
    expect(await registration.resend()).toBe(false)
    expect(registration.resendAvailableAt).toBe(NOW + 42_000)
    expect(registration.error?.code).toBe('rate_limited')
    kiosk.answers['registration.resend'] = () => ok({ resendAfterSeconds: 60 })
    expect(await registration.resend()).toBe(true)
    expect(registration.notice).toBe('resent')
    expect(registration.error).toBeUndefined()
    expect(registration.resendAvailableAt).toBe(NOW + 60_000)
  })

  it('a verified code activates; the notice of the last resend goes with the next action', async () => {
    installFakeKiosk({ 'registration.verify': () => ok({ status: 'active' }) })
    const registration = filledStore()
    registration.notice = 'resent'
    expect(registration.inProgress).toBe(true)
    expect(await registration.verify('123456')).toBe(true)
    expect(registration.activated).toBe(true)
    expect(registration.notice).toBeUndefined()
    expect(registration.inProgress).toBe(false)
  })

  it('a reset brings every field back to a fresh store’s, in one go', async () => {
    installFakeKiosk({
      'registration.submit': () => accepted,
      'registration.verify': () => ({
        ok: false,
        error: { code: 'invalid_code', attemptsLeft: 4 },
      }),
    })
    const fresh = JSON.stringify(useRegistrationStore().$state)
    const registration = filledStore()
    registration.emailLocked = true
    await registration.submit()
    await registration.verify('000000')
    expect(JSON.stringify(registration.$state)).not.toBe(fresh)
    registration.reset()
    expect(JSON.stringify(registration.$state)).toBe(fresh)
    expect(registration.fieldErrors).toEqual({})
    expect(registration.inProgress).toBe(false)
  })
})
