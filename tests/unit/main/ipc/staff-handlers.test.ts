import { describe, expect, it } from 'vitest'
import { handlerSetup } from './handler-fakes'

describe('staff handlers', () => {
  it.each([
    ['staff.status', undefined],
    ['staff.resend', { email: 'a@example.ca', locale: 'fr-CA' }],
    ['staff.setDefaultLocale', { locale: 'en-CA' }],
    ['staff.resetKiosk', undefined],
    ['staff.quit', undefined],
  ] as const)(
    '%s needs an open staff session, and does nothing without one',
    async (channel, request) => {
      const { call, calls, done } = handlerSetup({ staffOpen: false })
      expect(await call(channel, request)).toEqual({ ok: false, error: { code: 'staff_required' } })
      expect(calls).toEqual([])
      expect(done).toEqual([])
    },
  )

  it('unlock answers what the gate says, and logs the outcome without the PIN', async () => {
    const { call, lines } = handlerSetup()
    expect(await call('staff.unlock', { pin: '11111111' })).toEqual({
      ok: false,
      error: { code: 'staff_pin_wrong', attemptsLeft: 4 },
    })
    expect(await call('staff.unlock', { pin: '13572468' })).toEqual({ ok: true, data: {} })
    expect(lines).toEqual(['staff.unlock ok=false code=staff_pin_wrong', 'staff.unlock ok=true'])
  })

  it('status tells the kiosk’s facts, the keychain, and the service’s version when it answers', async () => {
    const reachable = handlerSetup({
      answers: { health: { ok: true, data: { status: 'ok', version: '2.0.0' } } },
    })
    expect(await reachable.call('staff.status')).toEqual({
      ok: true,
      data: {
        kioskId: 'hall-a-1',
        version: '1.2.3',
        configSource: '/etc/mescertif-kiosk/config.json',
        mode: 'kiosk',
        allowQuit: true,
        serviceReachable: true,
        serviceVersion: '2.0.0',
        keychain: 'available',
      },
    })
    const unreachable = handlerSetup({
      answers: { health: { ok: false, error: { code: 'timeout' } } },
    })
    const status = await unreachable.call('staff.status')
    expect(status).toMatchObject({ ok: true, data: { serviceReachable: false } })
    expect(status.ok && 'serviceVersion' in status.data).toBe(false)
  })

  it('resend asks the service for the right mail for the trimmed address, and says only when to retry', async () => {
    const { call, calls, lines } = handlerSetup({
      answers: {
        requestRecovery: { ok: true, data: { recoveryId: 'r1', resendAfterSeconds: 60 } },
      },
    })
    expect(await call('staff.resend', { email: ' a@example.ca ', locale: 'en-CA' })).toEqual({
      ok: true,
      data: { resendAfterSeconds: 60 },
    })
    expect(calls).toEqual([{ method: 'requestRecovery', args: ['a@example.ca', 'en-CA'] }])
    expect(lines).toEqual(['staff.resend ok=true'])
  })

  it('resend passes a refusal on as it is', async () => {
    const refusal = { ok: false, error: { code: 'rate_limited', retryAfterSeconds: 30 } } as const
    const { call } = handlerSetup({ answers: { requestRecovery: refusal } })
    expect(await call('staff.resend', { email: 'a@example.ca', locale: 'fr-CA' })).toEqual(refusal)
  })

  it('sets the default language, logged', async () => {
    const { call, done, lines } = handlerSetup()
    expect(await call('staff.setDefaultLocale', { locale: 'en-CA' })).toEqual({
      ok: true,
      data: {},
    })
    expect(done).toEqual(['setDefaultLocale:en-CA'])
    expect(lines).toEqual(['staff.default_locale locale=en-CA'])
  })

  it('resets the kiosk with a staff wipe', async () => {
    const { call, done } = handlerSetup()
    expect(await call('staff.resetKiosk')).toEqual({ ok: true, data: {} })
    expect(done).toEqual(['wipe:staff:unset'])
  })

  it('quits only where the config allows it', async () => {
    const allowed = handlerSetup()
    expect(await allowed.call('staff.quit')).toEqual({ ok: true, data: {} })
    expect(allowed.done).toEqual(['quit'])
    expect(allowed.lines).toEqual(['staff.quit'])

    const refused = handlerSetup({ facts: { allowQuit: false } })
    expect(await refused.call('staff.quit')).toEqual({
      ok: false,
      error: { code: 'staff_required' },
    })
    expect(refused.done).toEqual([])
  })

  it('leave closes staff mode, even when it is closed already', async () => {
    const { call, done } = handlerSetup({ staffOpen: false })
    expect(await call('staff.leave')).toEqual({ ok: true, data: {} })
    expect(done).toEqual(['staff.leave'])
  })
})
