import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addStaff } from '@service/domain/staff-accounts'
import { COUNTER, STAFF_EMAIL, STAFF_PASSWORD } from '../counter/counter-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService({ counterDeviceTokens: [COUNTER] })
})
afterEach(() => t.close())

const onCounter = { authorization: `Bearer ${COUNTER}` }
const enrol = (code: string, password = STAFF_PASSWORD) =>
  t.json('POST', '/v1/staff/enrolments', { email: STAFF_EMAIL, code, password }, onCounter)
const staffSignIn = (password: string) =>
  t.json('POST', '/v1/staff/sessions', { email: STAFF_EMAIL, password }, onCounter)
const WRONG_CODE = 'ZZZZ-ZZZZ-ZZZ2'

describe('staff enrolment code: single use, five wrong tries, under parallel requests', () => {
  it('20 enrolments with the right code at once, each with its own password: exactly one sets it', async () => {
    const code = await addStaff(t.service.ctx, STAFF_EMAIL, 'Marie Côté')
    const passwords = times(20, (i) => `Guichet-Registraire#${2000 + i}`)
    const responses = await t.parallel(passwords.map((password) => enrol(code, password)))
    // A used code is a dead code: the others count as wrong tries, like any (issue 25, rule 6).
    expect(tally(responses)).toEqual({
      '204': 1,
      '422 invalid_code': 4,
      '429 too_many_attempts': 15,
    })
    const winner = responses.findIndex((r) => r.status === 204)
    expect((await t.send(staffSignIn(passwords[winner]!))).status).toBe(200)
    const loser = passwords[(winner + 1) % passwords.length]!
    expect((await t.send(staffSignIn(loser))).json?.error?.code).toBe('invalid_credentials')
  })

  it('30 wrong codes at once: five are counted, the code is dead, the right one no longer works', async () => {
    const code = await addStaff(t.service.ctx, STAFF_EMAIL, 'Marie Côté')
    expect(code).not.toBe(WRONG_CODE)
    const responses = await t.parallel(times(30, () => enrol(WRONG_CODE)))
    expect(tally(responses)).toEqual({
      '422 invalid_code': 4,
      '429 too_many_attempts': 26,
    })
    expect((await t.send(enrol(code))).json?.error?.code).toBe('too_many_attempts')
  })
})

describe('staff enrolment does not reveal which addresses are staff (issue 25, rule 6)', () => {
  it('30 wrong tries at once on an unknown address: five are counted, exactly as on a staff address', async () => {
    const code = addStaff(t.service.ctx, STAFF_EMAIL, 'Marie Côté')
    expect(code).not.toBe(WRONG_CODE)
    const tries = (email: string) =>
      times(30, () =>
        t.json(
          'POST',
          '/v1/staff/enrolments',
          { email, code: WRONG_CODE, password: STAFF_PASSWORD },
          onCounter,
        ),
      )
    const known = tally(await t.parallel(tries(STAFF_EMAIL)))
    const unknown = tally(await t.parallel(tries('nobody@registraire.example.ca')))
    expect(unknown).toEqual(known)
    expect(known).toEqual({ '422 invalid_code': 4, '429 too_many_attempts': 26 })
  })
})

describe('staff sign-in lock (5 failures → 15 min) under parallel requests', () => {
  it('30 wrong passwords at once: exactly five are checked, then the staff address is locked', async () => {
    const code = await addStaff(t.service.ctx, STAFF_EMAIL, 'Marie Côté')
    expect((await t.send(enrol(code))).status).toBe(204)
    const before = t.passwordChecks.verify
    const responses = await t.parallel(
      times(30, () => staffSignIn('Wrong-Password#2026')),
      { holdHashing: 5 },
    )
    expect(t.passwordChecks.verify - before).toBe(5)
    expect(tally(responses)).toEqual({
      '401 invalid_credentials': 4,
      '423 account_locked': 1,
      '429 rate_limited': 25,
    })
    const right = await t.send(staffSignIn(STAFF_PASSWORD))
    expect(right.json?.error).toMatchObject({ code: 'account_locked', retryAfterSeconds: 900 })
  })
})
