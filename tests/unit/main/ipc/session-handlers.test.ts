import { describe, expect, it } from 'vitest'
import { forgetPerson } from '@main/kiosk-state'
import { handlerSetup } from './handler-fakes'

const SIGNED_IN = {
  ok: true,
  data: { sessionToken: 'session-1', expiresAt: '2026-11-28T20:00:00.000Z' },
} as const

describe('session handlers', () => {
  it('signs in with the trimmed address, keeps the token in main and gives the renderer only the expiry', async () => {
    const { call, calls, state, lines } = handlerSetup({ answers: { signIn: SIGNED_IN } })
    expect(await call('session.signIn', { email: ' a@example.ca ', password: 'pw' })).toEqual({
      ok: true,
      data: { expiresAt: '2026-11-28T20:00:00.000Z' },
    })
    expect(calls).toEqual([{ method: 'signIn', args: ['a@example.ca', 'pw'] }])
    expect(state.person.sessionToken).toBe('session-1')
    expect(lines).toEqual(['session.sign_in ok=true'])
  })

  it('a refused sign-in keeps nothing and says why', async () => {
    const refusal = { ok: false, error: { code: 'invalid_credentials' } } as const
    const { call, state, lines } = handlerSetup({ answers: { signIn: refusal } })
    expect(await call('session.signIn', { email: 'a@example.ca', password: 'pw' })).toEqual(refusal)
    expect(state.person).toEqual({})
    expect(lines).toEqual(['session.sign_in ok=false code=invalid_credentials'])
  })

  it('a sign-in that lands after a wipe is signed out at once, and kept for nobody', async () => {
    const { call, calls, state, lines } = handlerSetup({ answers: { signIn: SIGNED_IN } })
    const signingIn = call('session.signIn', { email: 'a@example.ca', password: 'pw' })
    forgetPerson(state, { keepPendingLink: false })
    expect(await signingIn).toEqual({ ok: false, error: { code: 'no_pending_flow' } })
    expect(calls).toEqual([
      { method: 'signIn', args: ['a@example.ca', 'pw'] },
      { method: 'signOut', args: ['session-1'] },
    ])
    expect(state.person).toEqual({})
    expect(lines).toEqual(['session.sign_in ok=true', 'session.sign_in_undone ok=true'])
  })

  it('sign-out forgets the token, signs it out at the service, and always succeeds', async () => {
    const { call, calls, state, lines } = handlerSetup()
    state.person.sessionToken = 'session-1'
    expect(await call('session.signOut')).toEqual({ ok: true, data: {} })
    expect(state.person.sessionToken).toBeUndefined()
    expect(calls).toEqual([{ method: 'signOut', args: ['session-1'] }])
    expect(lines).toEqual(['session.sign_out'])

    expect(await call('session.signOut')).toEqual({ ok: true, data: {} })
    expect(calls).toHaveLength(1)
  })

  it('profile and documents need a session, and use its token', async () => {
    const { call, calls, state } = handlerSetup({
      answers: {
        profile: { ok: true, data: { firstName: 'Alex' } },
        documents: { ok: true, data: { documents: [{ id: 'd1' }] } },
      },
    })
    const expired = { ok: false, error: { code: 'session_expired' } }
    expect(await call('account.profile')).toEqual(expired)
    expect(await call('account.documents')).toEqual(expired)
    expect(calls).toEqual([])

    state.person.sessionToken = 'session-1'
    expect(await call('account.profile')).toEqual({ ok: true, data: { firstName: 'Alex' } })
    expect(await call('account.documents')).toEqual({ ok: true, data: [{ id: 'd1' }] })
    expect(calls).toEqual([
      { method: 'profile', args: ['session-1'] },
      { method: 'documents', args: ['session-1'] },
    ])
  })

  it('a documents refusal is passed on as it is', async () => {
    const refusal = { ok: false, error: { code: 'session_expired' } } as const
    const { call, state } = handlerSetup({ answers: { documents: refusal } })
    state.person.sessionToken = 'session-1'
    expect(await call('account.documents')).toEqual(refusal)
  })
})
