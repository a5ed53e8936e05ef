import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StudentRecord } from '@shared/api/staff'
import type { Service } from '@service/server'
import { readAudit } from '@service/domain/audit'
import {
  COUNTER_TOKEN,
  PUBLIC_TOKEN,
  STAFF_PASSWORD,
  startCounterKiosk,
  startCounterService,
} from './counter-kiosk'

let service: Service & { url: string }
beforeAll(async () => {
  service = await startCounterService()
})
afterAll(() => service.close())

let addresses = 0
const newAddress = () => `etudiant.${Date.now().toString(36)}.${++addresses}@example.ca`
const staffSessionWorks = async (token: string) =>
  (
    await fetch(`${service.url}/v1/staff/lookups`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${COUNTER_TOKEN}`,
        'x-staff-session': token,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email: 'x@example.ca' }),
    })
  ).status === 200

describe('the counter desk in main', () => {
  it('signs staff in: the page gets their name, main keeps the token', async () => {
    const kiosk = startCounterKiosk(service)
    expect(await kiosk.signIn()).toEqual({ ok: true, data: { name: 'Marie Côté' } })
    expect(kiosk.core.state.person.staffSessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('a wrong password, and a public kiosk, are refused with the service’s code', async () => {
    const kiosk = startCounterKiosk(service)
    const wrong = await kiosk.call('counter.signIn', {
      email: 'marie.cote@registraire.example.ca',
      password: 'Wrong-Password#2026',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } })
    const publicKiosk = startCounterKiosk(service, { deviceToken: PUBLIC_TOKEN })
    expect(await publicKiosk.signIn()).toMatchObject({
      ok: false,
      error: { code: 'not_counter_device' },
    })
  })

  it('no look-up or action without a staff session', async () => {
    const kiosk = startCounterKiosk(service)
    for (const channel of ['counter.lookUp', 'counter.liftLock'] as const) {
      const payload = channel === 'counter.lookUp' ? { email: 'a@example.ca' } : undefined
      expect(await kiosk.call(channel, payload)).toEqual({
        ok: false,
        error: { code: 'staff_session_expired' },
      })
    }
  })

  it('actions apply to the student looked up last, never to an address from the page', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.signIn()
    expect(await kiosk.call('counter.resendInvitation')).toEqual({
      ok: false,
      error: { code: 'no_pending_flow' },
    })
    const first = newAddress()
    const second = newAddress()
    await kiosk.invite(first)
    await kiosk.invite(second)
    await kiosk.call('counter.lookUp', { email: ` ${first.toUpperCase()} ` })
    await kiosk.call('counter.lookUp', { email: second })
    expect(await kiosk.call('counter.resendInvitation', { email: first })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    })
    const resent = await kiosk.call('counter.resendInvitation')
    expect(resent).toMatchObject({
      ok: true,
      data: { sent: 'invitation', record: { email: second } },
    })
    const audit = (await readAudit(service.ctx, { since: 0 })).filter(
      (e) => e.action === 'resend_invitation',
    )
    expect(audit.at(-1)).toMatchObject({ target: second, device: 'counter-1', result: 'ok' })
  })

  it('a corrected address becomes the student the desk has open', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.signIn()
    const typo = newAddress().replace('@example.ca', '@exmaple.ca')
    const right = typo.replace('@exmaple.ca', '@example.ca')
    await kiosk.invite(typo)
    const looked = await kiosk.call('counter.lookUp', { email: typo })
    const invitationId = StudentRecord.parse(looked.ok ? looked.data : {}).invitations[0]!.id
    const corrected = await kiosk.call('counter.correctAddress', { invitationId, newEmail: right })
    expect(corrected).toMatchObject({ ok: true, data: { record: { email: right } } })
    expect(kiosk.core.state.person.counterStudent).toBe(right)
  })

  it('a correction to an address with an active account needs the second confirmation', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.signIn()
    const holder = newAddress()
    const typo = holder.replace('@example.ca', '@exmaple.ca')
    await kiosk.activeAccount(holder)
    await kiosk.invite(typo)
    const looked = await kiosk.call('counter.lookUp', { email: typo })
    const invitationId = StudentRecord.parse(looked.ok ? looked.data : {}).invitations[0]!.id
    const first = await kiosk.call('counter.correctAddress', { invitationId, newEmail: holder })
    expect(first).toEqual({ ok: false, error: { code: 'address_has_account' } })
    expect(kiosk.core.state.person.counterStudent).toBe(typo)
    const confirmed = await kiosk.call('counter.correctAddress', {
      invitationId,
      newEmail: holder,
      confirmActiveAccount: true,
    })
    expect(confirmed).toMatchObject({ ok: true, data: { record: { email: holder } } })
  })

  it('a second staff sign-in on the same counter ends the first kiosk’s staff session', async () => {
    const first = startCounterKiosk(service)
    await first.signIn()
    const second = startCounterKiosk(service)
    await second.signIn()
    const student = newAddress()
    await first.invite(student)
    expect(await first.call('counter.lookUp', { email: student })).toEqual({
      ok: false,
      error: { code: 'staff_session_expired' },
    })
    expect(first.core.state.person.staffSessionToken).toBeUndefined()
    expect(await second.call('counter.lookUp', { email: student })).toMatchObject({ ok: true })
  })

  it('hand-over: the staff session ends at the service, the registration is locked to the address', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.signIn()
    const token = kiosk.core.state.person.staffSessionToken!
    const student = newAddress()
    await kiosk.invite(student, { firstName: 'Sam', lastName: 'Bouchard' })
    await kiosk.call('counter.lookUp', { email: student })
    expect(await kiosk.call('counter.startRegistration')).toEqual({
      ok: true,
      data: { email: student, firstName: 'Sam', lastName: 'Bouchard' },
    })
    expect(kiosk.core.state.person.staffSessionToken).toBeUndefined()
    expect(kiosk.core.state.person.counterStudent).toBeUndefined()
    expect(await staffSessionWorks(token)).toBe(false)
    expect(await kiosk.call('counter.lookUp', { email: student })).toMatchObject({
      ok: false,
      error: { code: 'staff_session_expired' },
    })

    const registration = {
      firstName: 'Sam',
      lastName: 'Bouchard',
      password: 'Rivière-Bleue#2026!',
      locale: 'fr-CA',
      acceptTerms: true,
      acceptPrivacy: true,
    }
    const elsewhere = await kiosk.call('registration.submit', {
      ...registration,
      email: newAddress(),
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { fields: { email: 'invalid' } } })
    const submitted = await kiosk.call('registration.submit', { ...registration, email: student })
    expect(submitted.ok).toBe(true)
    const verified = await kiosk.call('registration.verify', {
      code: await kiosk.lastCode(student),
    })
    expect(verified).toEqual({ ok: true, data: { status: 'active' } })
    expect(kiosk.core.state.person.handedOverEmail).toBeUndefined()
  })

  it('the wipe signs the staff member out at the service', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.signIn()
    const token = kiosk.core.state.person.staffSessionToken!
    expect(await staffSessionWorks(token)).toBe(true)
    await kiosk.call('kiosk.wipe', { reason: 'idle' })
    expect(kiosk.core.state.person.staffSessionToken).toBeUndefined()
    expect(await staffSessionWorks(token)).toBe(false)
  })

  it('a session the service ended is forgotten in main too', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.signIn()
    await service.ctx.db.updateTable('staff_sessions').set({ revoked_at: 1 }).execute()
    expect(await kiosk.call('counter.lookUp', { email: 'a@example.ca' })).toMatchObject({
      error: { code: 'staff_session_expired' },
    })
    expect(kiosk.core.state.person.staffSessionToken).toBeUndefined()
  })

  it('the log names channels and outcomes, never an address, a name or a password', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.signIn()
    const student = newAddress()
    await kiosk.invite(student)
    await kiosk.call('counter.lookUp', { email: student })
    await kiosk.call('counter.resendInvitation')
    await kiosk.call('counter.signOut')
    const log = kiosk.logLines.join('\n')
    expect(log).toContain('counter.look_up')
    for (const secret of [student, 'marie', 'Côté', STAFF_PASSWORD])
      expect(log).not.toContain(secret)
  })
})
