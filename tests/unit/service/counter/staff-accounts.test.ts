import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { staffCommand } from '@service/commands/office-commands'
import { ENROLMENT_CODE_ALPHABET } from '@shared/api/staff'
import { disableStaff, listStaff, resetStaff } from '@service/domain/staff-accounts'
import { HOUR, MINUTE } from '@service/clock'
import { testEngine } from '../engines/test-database'
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
    expect(again.body.error).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 })
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
    expect((await t.enrol(code)).body.error?.code).toBe('invalid_code')
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

  it('a password may hold neither the first nor the last name, even when the address holds neither', async () => {
    const email = 'poste-7@registraire.example.ca'
    const code = await t.addStaffMember(email, 'Marie-Ève  Tremblay Roy')
    for (const password of ['Tremblay#Guichet2026', 'Roy-Guichet#2026x', 'Eve-Guichet#2026x'])
      expect((await t.enrol(code, email, password)).body.error?.rules, password).toContain(
        'personalInfo',
      )
    expect((await t.enrol(code, email)).status).toBe(204)
  })

  it('the right code past its 72 hours, or after five wrong ones, is dead before the password is judged', async () => {
    const expired = await t.addStaffMember()
    t.clock.at += 72 * HOUR
    // A dead code answers as a wrong one does (issue 25, rule 6), and no password rule is said.
    const late = (await t.enrol(expired, STAFF_EMAIL, 'weak')).body.error
    expect(late?.code).toBe('invalid_code')
    expect(late?.rules).toBeUndefined()

    const other = 'luc.roy@registraire.example.ca'
    const spent = await t.addStaffMember(other, 'Luc Roy')
    for (let i = 0; i < 5; i++) await t.enrol(otherCode(spent), other)
    expect((await t.enrol(spent, other, 'weak')).body.error?.code).toBe('too_many_attempts')
  })

  it('IT’s list says where each staff member stands, the code’s expiry to the millisecond', async () => {
    const code = await t.addStaffMember()
    await t.addStaffMember('luc.roy@registraire.example.ca', 'Luc Roy')
    await t.addStaffMember('ana.diaz@registraire.example.ca', 'Ana Díaz')
    await disableStaff(t.service.ctx, 'ana.diaz@registraire.example.ca')
    await t.enrol(code)
    t.clock.at += 72 * HOUR - 1
    const states = async () =>
      (await listStaff(t.service.ctx)).map((staff) => [staff.email, staff.state])
    expect(await states()).toEqual([
      ['ana.diaz@registraire.example.ca', 'disabled'],
      ['luc.roy@registraire.example.ca', 'waiting for enrolment'],
      [STAFF_EMAIL, 'enrolled'],
    ])
    t.clock.at += 1
    expect((await states())[1]).toEqual([
      'luc.roy@registraire.example.ca',
      'enrolment code expired',
    ])
  })

  it('IT is told when the address it names is not a staff member', async () => {
    const nobody = 'nobody@registraire.example.ca'
    await expect(resetStaff(t.service.ctx, nobody)).rejects.toThrow(`no staff ${nobody}`)
    await expect(disableStaff(t.service.ctx, nobody)).rejects.toThrow(`no staff ${nobody}`)
  })

  it('unknown, waiting and dead addresses answer alike, try after try (issue 25, rule 6)', async () => {
    const waiting = 'waiting@registraire.example.ca'
    const dead = 'dead@registraire.example.ca'
    const unknown = 'nobody@registraire.example.ca'
    const waitingCode = await t.addStaffMember(waiting, 'Lise Roy')
    await t.addStaffMember(dead, 'Paul Roy')
    await disableStaff(t.service.ctx, dead)
    const wrong = otherCode(waitingCode)
    const answers: Record<string, unknown[]> = { [waiting]: [], [dead]: [], [unknown]: [] }
    for (let i = 0; i < 6; i++)
      for (const email of [waiting, dead, unknown]) {
        const answer = await t.enrol(wrong, email)
        answers[email]!.push([answer.status, answer.body.error])
      }
    expect(answers[dead]).toEqual(answers[waiting])
    expect(answers[unknown]).toEqual(answers[waiting])
    expect(answers[waiting]!.map((a) => (a as [number])[0])).toEqual([422, 422, 422, 422, 429, 429])
    // The waiting code is dead now, like the others: the right one answers the same.
    expect((await t.enrol(waitingCode, waiting)).body.error?.code).toBe('too_many_attempts')
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

  it('a staff reset ends every session of that staff member, and no one else’s', async () => {
    const first = await t.signedInStaff()
    const second = (await t.staffSignIn()).body.staffSessionToken as string
    const colleague = await t.signedInStaff('luc.roy@registraire.example.ca')
    await resetStaff(t.service.ctx, STAFF_EMAIL)
    for (const token of [first, second]) {
      const after = await t.asStaff(token, 'POST', '/v1/staff/lookups', { email: 'a@example.ca' })
      expect(after.body.error?.code).toBe('staff_session_expired')
    }
    const theirs = await t.asStaff(colleague, 'POST', '/v1/staff/lookups', {
      email: 'a@example.ca',
    })
    expect(theirs.body.error?.code).not.toBe('staff_session_expired')
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
    // A stranger is no staff member: no staff at all, not one without an address.
    expect((await t.audit()).at(-1)?.staff).toBeNull()
    expect((await t.audit())[0]?.staff).toEqual({ email: STAFF_EMAIL, name: 'Marie Côté' })
  })
})

describe('the staff lock and what IT can do about it (issue 25, rules 7 and 8)', () => {
  const lockOut = async () => {
    for (let i = 0; i < 5; i++) await t.staffSignIn(STAFF_EMAIL, 'Wrong-Password#2026')
    expect((await t.staffSignIn()).body.error?.code).toBe('account_locked')
  }

  it('IT lifts a colleague’s lock with `staff unlock`, audited; the right password works at once', async () => {
    await t.signedInStaff()
    await lockOut()
    expect(await staffCommand(t.service.ctx, { action: 'unlock', email: STAFF_EMAIL })).toMatch(
      /^unlocked/,
    )
    expect((await t.staffSignIn()).status).toBe(200)
    expect((await t.audit()).filter((entry) => entry.action === 'staff_unlock')).toEqual([
      expect.objectContaining({ staff: null, device: null, target: STAFF_EMAIL, result: 'ok' }),
    ])
  })

  it('`staff reset` lifts the lock too, as a student’s password reset does', async () => {
    await t.signedInStaff()
    await lockOut()
    const fresh = await resetStaff(t.service.ctx, STAFF_EMAIL)
    expect((await t.enrol(fresh, STAFF_EMAIL, 'Nouveau-Guichet#2027')).status).toBe(204)
    expect((await t.staffSignIn(STAFF_EMAIL, 'Nouveau-Guichet#2027')).status).toBe(200)
  })

  it('a disabled staff member keeps an address and a name for the audit, never a password hash', async () => {
    await t.signedInStaff()
    const hashBefore = (await t.sql.get<{ password_hash: string }>(
      'SELECT password_hash FROM staff',
    ))!.password_hash
    await disableStaff(t.service.ctx, STAFF_EMAIL)
    expect(await t.sql.get('SELECT email, name, password_hash FROM staff')).toEqual({
      email: STAFF_EMAIL,
      name: 'Marie Côté',
      password_hash: null,
    })
    // Not in the file either (secure_delete). PostgreSQL keeps the old row version until
    // vacuum reclaims it (docs/data-retention.md): its files are the server's.
    if (testEngine() === 'sqlite') {
      await t.sql.run('PRAGMA wal_checkpoint(TRUNCATE)')
      expect(readFileSync(t.storage.database).toString('latin1')).not.toContain(hashBefore)
    }
    expect((await t.audit()).at(-1)?.staff).toEqual({ email: STAFF_EMAIL, name: 'Marie Côté' })
  })
})
