import { describe, expect, it } from 'vitest'
import type { AccountClient } from '@main/account/http-client'
import { forgetPerson } from '@main/kiosk-state'
import type { IpcChannel } from '@shared/ipc/channels'
import { handlerSetup } from './handler-fakes'

/** The counter desk's handlers (electron/main/ipc/handlers/counter.ts) over the recording fakes. */

const SIGNED_IN = {
  ok: true,
  data: { staffSessionToken: 'staff-2', name: 'Lise Roy', expiresAt: '2026-11-28T20:00:00.000Z' },
} as const
const RECORD = (email: string) => ({ ok: true, data: { record: { email } } }) as const
const EXPIRED = { ok: false, error: { code: 'staff_session_expired' } } as const
const NO_FLOW = { ok: false, error: { code: 'no_pending_flow' } } as const

describe('counter handlers: enrolment and sign-in', () => {
  it('enrols with the trimmed address, the code and the password, and logs the outcome', async () => {
    const { call, calls, lines, state } = handlerSetup()
    const request = { email: ' reg@example.ca ', code: 'ABCD-1234', password: 'pw' }
    expect(await call('counter.enrol', request)).toEqual({ ok: true, data: {} })
    expect(calls).toEqual([{ method: 'staffEnrol', args: ['reg@example.ca', 'ABCD-1234', 'pw'] }])
    expect(lines).toEqual(['counter.enrol ok=true'])
    expect(state.person).toEqual({})
  })

  it('a refused enrolment is answered as the service said, and logged with its code', async () => {
    const refusal = { ok: false, error: { code: 'code_expired' } } as const
    const { call, lines } = handlerSetup({ answers: { staffEnrol: refusal } })
    expect(
      await call('counter.enrol', { email: 'r@example.ca', code: 'c', password: 'p' }),
    ).toEqual(refusal)
    expect(lines).toEqual(['counter.enrol ok=false code=code_expired'])
  })

  it('signs in with the trimmed address, keeps the token in main and gives the page only the name', async () => {
    const { call, calls, lines, state } = handlerSetup({ answers: { staffSignIn: SIGNED_IN } })
    expect(await call('counter.signIn', { email: ' reg@example.ca ', password: 'pw' })).toEqual({
      ok: true,
      data: { name: 'Lise Roy' },
    })
    expect(calls).toEqual([{ method: 'staffSignIn', args: ['reg@example.ca', 'pw'] }])
    expect(state.person).toEqual({ staffSessionToken: 'staff-2' })
    expect(lines).toEqual(['counter.sign_in ok=true'])
  })

  it('a second sign-in ends the first session at the service and forgets its student', async () => {
    const { call, calls, state } = handlerSetup({ answers: { staffSignIn: SIGNED_IN } })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    await call('counter.signIn', { email: 'reg@example.ca', password: 'pw' })
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['staffSignIn', 'reg@example.ca', 'pw'],
      ['staffSignOut', 'staff-1'],
    ])
    expect(state.person).toEqual({ staffSessionToken: 'staff-2' })
  })

  it('a refused sign-in keeps nothing and says why', async () => {
    const refusal = {
      ok: false,
      error: { code: 'account_locked', retryAfterSeconds: 900 },
    } as const
    const { call, calls, lines, state } = handlerSetup({ answers: { staffSignIn: refusal } })
    state.person.staffSessionToken = 'staff-1'
    expect(await call('counter.signIn', { email: 'reg@example.ca', password: 'pw' })).toEqual(
      refusal,
    )
    expect(calls).toHaveLength(1)
    expect(state.person).toEqual({ staffSessionToken: 'staff-1' })
    expect(lines).toEqual(['counter.sign_in ok=false code=account_locked'])
  })

  it('a sign-in the service accepts after a wipe is signed out at once and kept for nobody', async () => {
    const { call, calls, state } = handlerSetup({ answers: { staffSignIn: SIGNED_IN } })
    const signingIn = call('counter.signIn', { email: 'reg@example.ca', password: 'pw' })
    forgetPerson(state, { keepPendingLink: false })
    expect(await signingIn).toEqual(NO_FLOW)
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['staffSignIn', 'reg@example.ca', 'pw'],
      ['staffSignOut', 'staff-2'],
    ])
    expect(state.person).toEqual({})
  })

  it('sign-out forgets the session and its student, ends it at the service, and always succeeds', async () => {
    const { call, calls, lines, state } = handlerSetup()
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    expect(await call('counter.signOut')).toEqual({ ok: true, data: {} })
    expect(state.person).toEqual({})
    expect(calls).toEqual([{ method: 'staffSignOut', args: ['staff-1'] }])
    expect(lines).toEqual(['counter.sign_out ok=true'])

    expect(await call('counter.signOut')).toEqual({ ok: true, data: {} })
    expect(calls).toHaveLength(1)
    expect(lines).toHaveLength(1)
  })
})

describe('counter handlers: the student staff have open', () => {
  it('looks up the trimmed address with the staff token, and opens the record the service names', async () => {
    const { call, calls, lines, state } = handlerSetup({
      answers: { lookUpStudent: { ok: true, data: { email: 'alex@example.ca' } } },
    })
    state.person.staffSessionToken = 'staff-1'
    expect(await call('counter.lookUp', { email: ' Alex@Example.ca ' })).toEqual({
      ok: true,
      data: { email: 'alex@example.ca' },
    })
    expect(calls).toEqual([{ method: 'lookUpStudent', args: ['staff-1', 'Alex@Example.ca'] }])
    expect(state.person.counterStudent).toBe('alex@example.ca')
    expect(lines).toEqual(['counter.look_up ok=true'])
  })

  it('a look-up that finds nobody opens nobody', async () => {
    const notFound = { ok: false, error: { code: 'not_found' } } as const
    const { call, state, lines } = handlerSetup({ answers: { lookUpStudent: notFound } })
    state.person.staffSessionToken = 'staff-1'
    expect(await call('counter.lookUp', { email: 'nobody@example.ca' })).toEqual(notFound)
    expect(state.person).toEqual({ staffSessionToken: 'staff-1' })
    expect(lines).toEqual(['counter.look_up ok=false code=not_found'])
  })

  it('without a staff session nothing reaches the service', async () => {
    const { call, calls, lines } = handlerSetup()
    expect(await call('counter.lookUp', { email: 'alex@example.ca' })).toEqual(EXPIRED)
    expect(await call('counter.resendInvitation')).toEqual(EXPIRED)
    expect(await call('counter.startRegistration')).toEqual(EXPIRED)
    expect(calls).toEqual([])
    expect(lines).toEqual([])
  })

  it('a session the service has ended is forgotten in main too, with its student', async () => {
    const { call, state, lines } = handlerSetup({ answers: { resendInvitation: EXPIRED } })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    expect(await call('counter.resendInvitation')).toEqual(EXPIRED)
    expect(state.person).toEqual({})
    expect(lines).toEqual(['counter.resend_invitation ok=false code=staff_session_expired'])
  })

  it('another refusal keeps the session and the student open', async () => {
    const notNow = { ok: false, error: { code: 'not_applicable' } } as const
    const { call, state } = handlerSetup({ answers: { liftSignInLock: notNow } })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    expect(await call('counter.liftLock')).toEqual(notNow)
    expect(state.person).toEqual({
      staffSessionToken: 'staff-1',
      counterStudent: 'alex@example.ca',
    })
  })

  const actions: [IpcChannel, keyof AccountClient, string][] = [
    ['counter.resendInvitation', 'resendInvitation', 'counter.resend_invitation'],
    ['counter.sendRecoveryMail', 'sendRecoveryMail', 'counter.send_recovery_mail'],
    ['counter.liftLock', 'liftSignInLock', 'counter.lift_lock'],
    [
      'counter.endWaitingRegistration',
      'endWaitingRegistration',
      'counter.end_waiting_registration',
    ],
  ]

  it.each(actions)(
    '%s acts on the open student with the staff token, and keeps the record it answers',
    async (channel, method, event) => {
      const { call, calls, lines, state } = handlerSetup({
        answers: { [method]: RECORD('alex.b@example.ca') },
      })
      state.person.staffSessionToken = 'staff-1'
      state.person.counterStudent = 'alex@example.ca'
      expect(await call(channel)).toEqual(RECORD('alex.b@example.ca'))
      expect(calls).toEqual([{ method, args: ['staff-1', 'alex@example.ca'] }])
      expect(state.person.counterStudent).toBe('alex.b@example.ca')
      expect(lines).toEqual([`${event} ok=true`])
    },
  )

  it.each([
    ...actions.map(([channel]) => channel),
    'counter.correctAddress',
    'counter.startRegistration',
  ] as IpcChannel[])('%s without an open student reaches nothing', async (channel) => {
    const { call, calls, state } = handlerSetup()
    state.person.staffSessionToken = 'staff-1'
    expect(await call(channel, { newEmail: 'x@example.ca' })).toEqual(NO_FLOW)
    expect(calls).toEqual([])
    expect(state.person).toEqual({ staffSessionToken: 'staff-1' })
  })

  it('corrects the open student’s address to the trimmed new one, and opens the corrected record', async () => {
    const { call, calls, lines, state } = handlerSetup({
      answers: { correctAddress: RECORD('alex.b@example.ca') },
    })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    expect(
      await call('counter.correctAddress', {
        invitationId: 'invitation-2',
        newEmail: ' alex.b@example.ca ',
      }),
    ).toEqual(RECORD('alex.b@example.ca'))
    expect(calls).toEqual([
      {
        method: 'correctAddress',
        args: [
          'staff-1',
          'alex@example.ca',
          { invitationId: 'invitation-2', newEmail: 'alex.b@example.ca' },
        ],
      },
    ])
    expect(state.person.counterStudent).toBe('alex.b@example.ca')
    expect(lines).toEqual(['counter.correct_address ok=true'])
  })

  it('a refused correction leaves the open student as it was', async () => {
    const notNow = { ok: false, error: { code: 'not_applicable' } } as const
    const { call, state } = handlerSetup({ answers: { correctAddress: notNow } })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    expect(await call('counter.correctAddress', { newEmail: 'b@example.ca' })).toEqual(notNow)
    expect(state.person.counterStudent).toBe('alex@example.ca')
  })

  it('hands the kiosk over: the staff session and student go, registration is locked to the address', async () => {
    const { call, calls, lines, state } = handlerSetup({
      answers: { handOver: { ok: true, data: { email: 'alex@example.ca' } } },
    })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    expect(await call('counter.startRegistration')).toEqual({
      ok: true,
      data: { email: 'alex@example.ca' },
    })
    expect(calls).toEqual([{ method: 'handOver', args: ['staff-1', 'alex@example.ca'] }])
    expect(state.person).toEqual({ handedOverEmail: 'alex@example.ca' })
    expect(lines).toEqual(['counter.start_registration ok=true'])
  })

  it('a refused hand-over keeps staff at the desk with the student open', async () => {
    const notNow = { ok: false, error: { code: 'not_applicable' } } as const
    const { call, state } = handlerSetup({ answers: { handOver: notNow } })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    expect(await call('counter.startRegistration')).toEqual(notNow)
    expect(state.person).toEqual({
      staffSessionToken: 'staff-1',
      counterStudent: 'alex@example.ca',
    })
  })

  it('an answer that lands after a wipe opens nothing for the next person', async () => {
    const { call, state } = handlerSetup({ answers: { resendInvitation: RECORD('a@example.ca') } })
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'a@example.ca'
    const acting = call('counter.resendInvitation')
    forgetPerson(state, { keepPendingLink: false })
    expect(await acting).toEqual(NO_FLOW)
    expect(state.person).toEqual({})
  })
})
