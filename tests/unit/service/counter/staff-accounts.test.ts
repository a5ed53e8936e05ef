import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ENROLMENT_CODE_ALPHABET } from '@shared/api/staff'
import { disableStaff, resetStaff } from '@service/domain/staff-accounts'
import { HOUR, MINUTE } from '@service/clock'
import {
  OTHER_COUNTER,
  STAFF_EMAIL,
  STAFF_PASSWORD,
  openCounterService,
  type CounterService,
} from './counter-harness'

let t: CounterService
beforeEach(async () => {
  t = await openCounterService()
})
afterEach(() => t.close())

/** A code of the right form that is not the one IT printed. */
const otherCode = (code: string) =>
  code.replace(/^./, (c) =>
    c === ENROLMENT_CODE_ALPHABET[0] ? ENROLMENT_CODE_ALPHABET[1]! : ENROLMENT_CODE_ALPHABET[0]!,
  )

describe('staff enrolment with the one-time code IT printed', () => {
  it('prints a 12-character code in three groups; typed in any case, with or without dashes', async () => {
    const code = await t.addStaffMember()
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect((await t.enrol(code.replaceAll('-', ' ').toLowerCase())).status).toBe(204)
    expect((await t.staffSignIn()).status).toBe(200)
  })

  it('the code works once', async () => {
    const code = await t.addStaffMember()
    expect((await t.enrol(code)).status).toBe(204)
    const again = await t.enrol(code, STAFF_EMAIL, 'Another-Password#2027')
    expect(again.body.error?.code).toBe('code_expired')
    expect((await t.staffSignIn(STAFF_EMAIL, 'Another-Password#2027')).status).toBe(401)
  })

  it('five wrong codes kill it, and the right one no longer works', async () => {
    const code = await t.addStaffMember()
    const answers = []
    for (let i = 0; i < 5; i++) answers.push((await t.enrol(otherCode(code))).body.error)
    expect(answers.map((e) => e?.attemptsLeft)).toEqual([4, 3, 2, 1, 0])
    expect(answers.at(-1)?.code).toBe('too_many_attempts')
    expect((await t.enrol(code)).body.error?.code).toBe('too_many_attempts')
  })

  it('expires after 72 hours; IT prints a new one with staff reset', async () => {
    const code = await t.addStaffMember()
    t.clock.at += 72 * HOUR
    expect((await t.enrol(code)).body.error?.code).toBe('code_expired')
    const fresh = await resetStaff(t.service.ctx, STAFF_EMAIL)
    expect((await t.enrol(fresh)).status).toBe(204)
  })

  it('the password follows the student policy, and may not hold the staff name', async () => {
    const code = await t.addStaffMember(STAFF_EMAIL, 'Marie Côté')
    const short = await t.enrol(code, STAFF_EMAIL, 'Court#1a')
    expect(short.body.error).toMatchObject({ code: 'password_policy' })
    const named = await t.enrol(code, STAFF_EMAIL, 'Marie-Registraire#2026')
    expect(named.body.error?.rules).toContain('personalInfo')
    // A refused password does not spend the code.
    expect((await t.enrol(code)).status).toBe(204)
  })

  it('an unknown address answers like a dead code (staff addresses cannot be listed)', async () => {
    const code = await t.addStaffMember()
    const unknown = await t.enrol(code, 'nobody@registraire.example.ca')
    expect(unknown.status).toBe(410)
    expect(unknown.body.error?.code).toBe('code_expired')
  })

  it('a public kiosk cannot enrol staff (403), whatever the code', async () => {
    const code = await t.addStaffMember()
    const answer = await t.call('POST', '/v1/staff/enrolments', {
      email: STAFF_EMAIL,
      code,
      password: STAFF_PASSWORD,
    })
    expect(answer.status).toBe(403)
    expect(answer.body.error?.code).toBe('not_counter_device')
    expect((await t.enrol(code)).status).toBe(204)
  })
})

describe('staff sign-in and sessions', () => {
  it('a staff member who has not enrolled fails like a wrong password', async () => {
    await t.addStaffMember()
    const answer = await t.staffSignIn()
    expect(answer.status).toBe(401)
    expect(answer.body.error?.code).toBe('invalid_credentials')
  })

  it('signs in with the name the counter greets them with, and a session of its own', async () => {
    const token = await t.signedInStaff()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const again = await t.staffSignIn()
    expect(again.body).toMatchObject({ name: 'Marie Côté', expiresAt: expect.any(String) })
    expect(again.body.staffSessionToken).not.toBe(token)
  })

  it('five wrong passwords lock the staff address for 15 minutes', async () => {
    await t.signedInStaff()
    const codes = []
    for (let i = 0; i < 5; i++)
      codes.push((await t.staffSignIn(STAFF_EMAIL, 'Wrong-Password#2026')).body.error?.code)
    expect(codes).toEqual([...Array(4).fill('invalid_credentials'), 'account_locked'])
    expect((await t.staffSignIn()).body.error).toMatchObject({
      code: 'account_locked',
      retryAfterSeconds: 900,
    })
    t.clock.at += 15 * MINUTE
    expect((await t.staffSignIn()).status).toBe(200)
  })

  it('staff and student failures are counted apart', async () => {
    await t.signedInStaff()
    for (let i = 0; i < 5; i++)
      await t.call('POST', '/v1/sessions', { email: STAFF_EMAIL, password: 'Wrong-Password#2026' })
    expect((await t.staffSignIn()).status).toBe(200)
  })

  it('a session ends after 10 minutes idle, and each call keeps it alive', async () => {
    const token = await t.signedInStaff()
    const lookUp = () => t.asStaff(token, 'POST', '/v1/staff/lookups', { email: 'a@example.ca' })
    t.clock.at += 9 * MINUTE
    expect((await lookUp()).status).toBe(200)
    t.clock.at += 9 * MINUTE
    expect((await lookUp()).status).toBe(200)
    t.clock.at += 10 * MINUTE
    expect((await lookUp()).body.error?.code).toBe('staff_session_expired')
  })

  it('a session lasts 8 hours at most, however active', async () => {
    const token = await t.signedInStaff()
    for (let minutes = 0; minutes < 8 * 60 - 5; minutes += 5) {
      t.clock.at += 5 * MINUTE
      await t.asStaff(token, 'POST', '/v1/staff/lookups', { email: 'a@example.ca' })
    }
    t.clock.at += 5 * MINUTE
    const late = await t.asStaff(token, 'POST', '/v1/staff/lookups', { email: 'a@example.ca' })
    expect(late.body.error?.code).toBe('staff_session_expired')
  })

  it('a session works only on the counter that signed in', async () => {
    const token = await t.signedInStaff()
    const elsewhere = await t.asStaff(
      token,
      'POST',
      '/v1/staff/lookups',
      { email: 'a@example.ca' },
      OTHER_COUNTER,
    )
    expect(elsewhere.status).toBe(401)
    expect(elsewhere.body.error?.code).toBe('staff_session_expired')
  })

  it('sign-out ends it; disabling the staff member ends every session of theirs', async () => {
    const token = await t.signedInStaff()
    expect((await t.asStaff(token, 'DELETE', '/v1/staff/sessions/current')).status).toBe(204)
    const after = await t.asStaff(token, 'POST', '/v1/staff/lookups', { email: 'a@example.ca' })
    expect(after.body.error?.code).toBe('staff_session_expired')

    const second = (await t.staffSignIn()).body.staffSessionToken as string
    await disableStaff(t.service.ctx, STAFF_EMAIL)
    const disabled = await t.asStaff(second, 'POST', '/v1/staff/lookups', { email: 'a@example.ca' })
    expect(disabled.body.error?.code).toBe('staff_session_expired')
    expect((await t.staffSignIn()).body.error?.code).toBe('invalid_credentials')
  })

  it('enrolments, sign-ins and sign-outs are in the audit, failed ones with their code', async () => {
    const code = await t.addStaffMember()
    await t.enrol(otherCode(code))
    await t.enrol(code)
    await t.staffSignIn(STAFF_EMAIL, 'Wrong-Password#2026')
    const token = (await t.staffSignIn()).body.staffSessionToken as string
    await t.asStaff(token, 'DELETE', '/v1/staff/sessions/current')
    await t.staffSignIn('stranger@example.ca', 'Wrong-Password#2026')
    expect(
      (await t.audit()).map((e) => [e.action, e.result, e.staff?.email ?? null, e.device]),
    ).toEqual([
      ['enrol', 'invalid_code', STAFF_EMAIL, 'counter-1'],
      ['enrol', 'ok', STAFF_EMAIL, 'counter-1'],
      ['sign_in', 'invalid_credentials', STAFF_EMAIL, 'counter-1'],
      ['sign_in', 'ok', STAFF_EMAIL, 'counter-1'],
      ['sign_out', 'ok', STAFF_EMAIL, 'counter-1'],
      ['sign_in', 'invalid_credentials', null, 'counter-1'],
    ])
  })
})
