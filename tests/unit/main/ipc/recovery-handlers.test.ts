import { describe, expect, it } from 'vitest'
import type { Result } from '@shared/result'
import { handlerSetup } from './handler-fakes'

const TOKEN = 'q3xZ0_-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
const NO_FLOW = { ok: false, error: { code: 'no_pending_flow' } }

describe('recovery handlers', () => {
  it('a request for the trimmed address keeps the recovery in main and tells only when to resend', async () => {
    const { call, calls, state, lines } = handlerSetup({
      answers: {
        requestRecovery: { ok: true, data: { recoveryId: 'r1', resendAfterSeconds: 60 } },
      },
    })
    expect(await call('recovery.request', { email: ' a@example.ca ', locale: 'fr-CA' })).toEqual({
      ok: true,
      data: { resendAfterSeconds: 60 },
    })
    expect(calls).toEqual([{ method: 'requestRecovery', args: ['a@example.ca', 'fr-CA'] }])
    expect(state.person.recovery).toEqual({ id: 'r1' })
    expect(lines).toEqual(['recovery.requested ok=true'])
  })

  it('a refused request keeps nothing', async () => {
    const refusal = { ok: false, error: { code: 'rate_limited', retryAfterSeconds: 9 } } as const
    const { call, state } = handlerSetup({ answers: { requestRecovery: refusal } })
    expect(await call('recovery.request', { email: 'a@example.ca', locale: 'fr-CA' })).toEqual(
      refusal,
    )
    expect(state.person).toEqual({})
  })

  it('verify, resend and reset need their step first, and ask nothing of the service before', async () => {
    const { call, calls } = handlerSetup()
    expect(await call('recovery.verify', { code: '123456' })).toEqual(NO_FLOW)
    expect(await call('recovery.resend')).toEqual(NO_FLOW)
    expect(await call('password.reset', { newPassword: 'Rivière-Bleue#2026!' })).toEqual(NO_FLOW)
    expect(calls).toEqual([])
  })

  it('a right code keeps the reset token in main and tells the renderer only what comes next', async () => {
    const { call, calls, state, lines } = handlerSetup({
      answers: { verifyRecovery: { ok: true, data: { next: 'set_password', resetToken: TOKEN } } },
    })
    state.person.recovery = { id: 'r1' }
    expect(await call('recovery.verify', { code: '123456' })).toEqual({
      ok: true,
      data: { next: 'set_password' },
    })
    expect(calls).toEqual([{ method: 'verifyRecovery', args: ['r1', '123456'] }])
    expect(state.person).toEqual({ resetToken: TOKEN })
    expect(lines).toEqual(['recovery.verified ok=true next=set_password'])
  })

  it('a wrong code keeps the recovery open', async () => {
    const wrong = { ok: false, error: { code: 'invalid_code', attemptsLeft: 4 } } as const
    const { call, state, lines } = handlerSetup({ answers: { verifyRecovery: wrong } })
    state.person.recovery = { id: 'r1' }
    expect(await call('recovery.verify', { code: '000000' })).toEqual(wrong)
    expect(state.person.recovery).toEqual({ id: 'r1' })
    expect(lines).toEqual(['recovery.verified ok=false code=invalid_code'])
  })

  it('resends the code of the recovery in progress', async () => {
    const { call, calls, state, lines } = handlerSetup({
      answers: { resendRecovery: { ok: true, data: { resendAfterSeconds: 60 } } },
    })
    state.person.recovery = { id: 'r1' }
    expect(await call('recovery.resend')).toEqual({ ok: true, data: { resendAfterSeconds: 60 } })
    expect(calls).toEqual([{ method: 'resendRecovery', args: ['r1'] }])
    expect(lines).toEqual(['recovery.resent ok=true'])
  })

  it('a new password uses the reset token once, and forgets it when it worked', async () => {
    const { call, calls, state, lines } = handlerSetup()
    state.person.resetToken = TOKEN
    state.person.link = { kind: 'reset', token: TOKEN }
    expect(await call('password.reset', { newPassword: 'Rivière-Bleue#2026!' })).toEqual({
      ok: true,
      data: {},
    })
    expect(calls).toEqual([{ method: 'resetPassword', args: [TOKEN, 'Rivière-Bleue#2026!'] }])
    expect(state.person).toEqual({})
    expect(lines).toEqual(['password.reset ok=true'])
  })

  it('a refused new password keeps the token for another try', async () => {
    const refusal: Result<never> = {
      ok: false,
      error: { code: 'password_policy', rules: ['common'] },
    }
    const { call, state } = handlerSetup({ answers: { resetPassword: refusal } })
    state.person.resetToken = TOKEN
    expect(await call('password.reset', { newPassword: 'Password1234!!' })).toEqual(refusal)
    expect(state.person.resetToken).toBe(TOKEN)
  })
})
