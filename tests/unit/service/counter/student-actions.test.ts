import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HandoverAccepted, StaffActionDone } from '@shared/api/staff'
import { MINUTE } from '@service/clock'
import { PASSWORD, type Body } from '../service-harness'
import { openCounterService, type CounterService } from './counter-harness'

let t: CounterService
let token: string
beforeEach(async () => {
  t = await openCounterService()
  token = await t.signedInStaff()
})
afterEach(() => t.close())

const act = (path: string, body: Record<string, Body>) =>
  t.asStaff(token, 'POST', `/v1/staff/${path}`, body)
/** The id of an address's newest open invitation, as the record shows it to staff. */
const openInvitation = async (email: string) => {
  const record = (await act('lookups', { email })).body
  return (record.invitations as { id: string; state: string }[]).find((i) => i.state === 'open')!.id
}
const correct = async (email: string, newEmail: string, extra: Record<string, Body> = {}) =>
  act('invitations/correct', {
    email,
    invitationId: await openInvitation(email),
    newEmail,
    ...extra,
  })
const lastAudit = async () => (await t.audit()).at(-1)
const DOCUMENT = { title: 'Baccalauréat en droit', issuedOn: '2026-06-01' }

describe('resend the invitation', () => {
  it('mails a fresh 30-day link and renews the expiry; audited', async () => {
    await t.invite('alex@example.ca')
    t.clock.at += 40 * 24 * 60 * MINUTE
    token = (await t.staffSignIn()).body.staffSessionToken as string
    const before = (await act('lookups', { email: 'alex@example.ca' })).body
    expect((before.invitations as { state: string }[])[0]?.state).toBe('expired')
    const answer = await act('invitations/resend', { email: 'alex@example.ca' })
    const done = StaffActionDone.parse(answer.body)
    expect(done.sent).toBe('invitation')
    expect(done.record.invitations[0]?.state).toBe('open')
    expect((await t.outbox('alex@example.ca')).map((m) => m.kind)).toEqual([
      'invitation',
      'invitation',
    ])
    const link = await t.call(
      'GET',
      `/v1/links/${await t.lastLinkToken('alex@example.ca', 'invite')}`,
    )
    expect(link.body).toMatchObject({ kind: 'invite', email: 'alex@example.ca' })
    expect(await lastAudit()).toMatchObject({
      action: 'resend_invitation',
      target: 'alex@example.ca',
      result: 'ok',
    })
  })

  it('not applicable without an invitation, or once the account is active; audited with the code', async () => {
    await t.activeAccount('active@example.ca')
    for (const email of ['nobody@example.ca', 'active@example.ca']) {
      const answer = await act('invitations/resend', { email })
      expect([answer.status, answer.body.error?.code]).toEqual([409, 'not_applicable'])
      expect(await lastAudit()).toMatchObject({ target: email, result: 'not_applicable' })
    }
  })

  it('the hourly mail cap holds for staff too', async () => {
    await t.invite('capped@example.ca')
    for (let i = 0; i < 4; i++) await act('invitations/resend', { email: 'capped@example.ca' })
    const answer = await act('invitations/resend', { email: 'capped@example.ca' })
    expect(answer.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3600 })
    expect(await t.outbox('capped@example.ca')).toHaveLength(5)
  })
})

describe('correct a mistyped invitation address', () => {
  it('revokes the old invitation, invites the corrected address with the same document, tells the old nothing', async () => {
    await t.sql.run('DELETE FROM mails')
    const { createInvitation } = await import('@service/domain/invitations')
    await createInvitation(t.service.ctx, {
      email: 'alex@exmaple.ca',
      institution: 'Cégep de Test',
      firstName: 'Alex',
      lastName: 'Roy',
      locale: 'en-CA',
      document: DOCUMENT,
    })
    const oldLink = await t.lastLinkToken('alex@exmaple.ca', 'invite')
    const answer = await correct('alex@exmaple.ca', 'Alex@Example.ca')
    const done = StaffActionDone.parse(answer.body)
    expect(done.record.email).toBe('alex@example.ca')
    expect(done.record.invitations).toEqual([
      expect.objectContaining({ state: 'open', document: DOCUMENT, institution: 'Cégep de Test' }),
    ])
    expect(await t.outbox('alex@exmaple.ca')).toHaveLength(1)
    const mail = await t.outbox('alex@example.ca')
    expect(mail.map((m) => [m.kind, m.subject])).toEqual([
      ['invitation', 'Create your MyCreds account'],
    ])
    const newLink = await t.call(
      'GET',
      `/v1/links/${await t.lastLinkToken('alex@example.ca', 'invite')}`,
    )
    expect(newLink.body).toMatchObject({ email: 'alex@example.ca', firstName: 'Alex' })
    expect((await t.call('GET', `/v1/links/${oldLink}`)).body.error?.code).toBe('link_expired')
    const old = (await act('lookups', { email: 'alex@exmaple.ca' })).body
    expect((old.invitations as { state: string }[])[0]?.state).toBe('revoked')
    expect((await t.audit()).find((e) => e.action === 'correct_address')).toMatchObject({
      target: 'alex@exmaple.ca',
      detail: 'alex@example.ca',
      result: 'ok',
    })
  })

  it('the mistyped address can no longer register, and a registration started there can no longer activate', async () => {
    await t.invite('typo@exmaple.ca', DOCUMENT)
    await t.register('typo@exmaple.ca')
    const code = await t.lastCode('typo@exmaple.ca')
    const registrationId = (await t.sql.get<{ registration_id: string }>(
      'SELECT registration_id FROM registration_credentials',
    ))!.registration_id
    await correct('typo@exmaple.ca', 'typo@example.ca')
    const verify = await t.call('POST', `/v1/registrations/${registrationId}/verify`, { code })
    expect(verify.body.error?.code).toBe('code_expired')
    await t.register('typo@exmaple.ca', {}, { 'idempotency-key': 'after-correction' })
    expect((await t.outbox('typo@exmaple.ca')).at(-1)?.kind).toBe('notInvited')
  })

  it('the document follows the corrected address: the student sees it once signed in', async () => {
    await t.invite('doc@exmaple.ca', DOCUMENT)
    await correct('doc@exmaple.ca', 'doc@example.ca')
    await t.activeAccount('doc@example.ca')
    const session = await t.call('POST', '/v1/sessions', {
      email: 'doc@example.ca',
      password: PASSWORD,
    })
    const documents = await t.call('GET', '/v1/me/documents', undefined, {
      'x-session': session.body.sessionToken as string,
    })
    // activeAccount invited the address once more (without a document): one document in all.
    expect((documents.body.documents as { title: string }[]).map((d) => d.title)).toEqual([
      DOCUMENT.title,
    ])
  })

  it('refused: the same address (400), an active account or no invitation (409)', async () => {
    await t.invite('same@example.ca')
    const same = await correct('same@example.ca', 'SAME@example.ca')
    expect(same.body.error).toMatchObject({
      code: 'validation_failed',
      fields: { newEmail: 'invalid' },
    })
    await t.activeAccount('active@example.ca')
    for (const email of ['active@example.ca', 'nobody@example.ca']) {
      const answer = await act('invitations/correct', {
        email,
        invitationId: 'f'.repeat(32),
        newEmail: 'new@example.ca',
      })
      expect(answer.body.error?.code).toBe('not_applicable')
    }
    expect(await t.outbox('new@example.ca')).toEqual([])
    expect(
      (await t.audit()).filter((e) => e.action === 'correct_address').map((e) => e.result),
    ).toEqual(['validation_failed', 'not_applicable', 'not_applicable'])
  })
})

describe('send the activation or reset email', () => {
  it('an active account gets a reset mail, a pending one an activation mail', async () => {
    await t.activeAccount('active@example.ca')
    await t.invite('pending@example.ca')
    await t.register('pending@example.ca')
    const reset = StaffActionDone.parse(
      (await act('recovery-mails', { email: 'active@example.ca' })).body,
    )
    expect(reset.sent).toBe('reset')
    expect((await t.outbox('active@example.ca')).at(-1)?.kind).toBe('recoveryReset')
    t.clock.at += MINUTE
    const activation = StaffActionDone.parse(
      (await act('recovery-mails', { email: 'pending@example.ca' })).body,
    )
    expect(activation.sent).toBe('activation')
    expect((await t.outbox('pending@example.ca')).at(-1)?.kind).toBe('recoveryActivation')
  })

  it('an address at its hourly mail cap gets no recovery mail from staff either', async () => {
    await t.activeAccount('capped@example.ca')
    // invitation + registration code: 2 mails; 3 recoveries a minute apart make 5.
    for (let i = 0; i < 3; i++) {
      t.clock.at += MINUTE
      await t.call('POST', '/v1/recovery', { email: 'capped@example.ca', locale: 'fr-CA' })
    }
    expect(await t.outbox('capped@example.ca')).toHaveLength(5)
    t.clock.at += MINUTE
    const answer = await act('recovery-mails', { email: 'capped@example.ca' })
    expect(answer.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3600 })
    expect(await t.outbox('capped@example.ca')).toHaveLength(5)
  })

  it('not applicable without an account, and no decoy is counted; a second one within 60 s waits', async () => {
    const none = await act('recovery-mails', { email: 'nobody@example.ca' })
    expect(none.body.error?.code).toBe('not_applicable')
    await t.activeAccount('active@example.ca')
    await act('recovery-mails', { email: 'active@example.ca' })
    const again = await act('recovery-mails', { email: 'active@example.ca' })
    expect(again.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 60 })
    expect(await lastAudit()).toMatchObject({
      action: 'send_recovery_mail',
      result: 'rate_limited',
    })
  })
})

describe('lift a sign-in lock', () => {
  it('a locked student can sign in at once', async () => {
    await t.activeAccount('locked@example.ca')
    for (let i = 0; i < 10; i++)
      await t.call('POST', '/v1/sessions', {
        email: 'locked@example.ca',
        password: 'Wrong#Pass2026x',
      })
    const locked = await t.call('POST', '/v1/sessions', {
      email: 'locked@example.ca',
      password: PASSWORD,
    })
    expect(locked.body.error?.code).toBe('account_locked')
    const done = StaffActionDone.parse(
      (await act('sign-in-locks/lift', { email: 'locked@example.ca' })).body,
    )
    expect(done.record.account).toMatchObject({ signInFailures: 0 })
    expect(done.record.account.lockedUntil).toBeUndefined()
    const signedIn = await t.call('POST', '/v1/sessions', {
      email: 'locked@example.ca',
      password: PASSWORD,
    })
    expect(signedIn.status).toBe(200)
    expect(await lastAudit()).toMatchObject({ action: 'lift_lock', result: 'ok' })
  })

  it('failures without a lock are forgotten too', async () => {
    await t.activeAccount('failing@example.ca')
    for (let i = 0; i < 3; i++)
      await t.call('POST', '/v1/sessions', {
        email: 'failing@example.ca',
        password: 'Wrong#2026xx',
      })
    const done = StaffActionDone.parse(
      (await act('sign-in-locks/lift', { email: 'failing@example.ca' })).body,
    )
    expect(done.record.account).toMatchObject({ signInFailures: 0 })
  })

  it('nothing to lift → not applicable', async () => {
    await t.activeAccount('fine@example.ca')
    expect((await act('sign-in-locks/lift', { email: 'fine@example.ca' })).body.error?.code).toBe(
      'not_applicable',
    )
  })
})

describe('end the waiting registration ("I never got the code")', () => {
  it('frees the address at once: the old code dies, a new registration is real', async () => {
    await t.invite('waiting@example.ca')
    const first = await t.register('waiting@example.ca')
    const firstCode = await t.lastCode('waiting@example.ca')
    const held = await t.register('waiting@example.ca', {}, { 'idempotency-key': 'second' })
    expect((await t.outbox('waiting@example.ca')).at(-1)?.kind).toBe('registrationPending')
    expect(held.status).toBe(202)
    const done = StaffActionDone.parse(
      (await act('registrations/end-waiting', { email: 'waiting@example.ca' })).body,
    )
    expect(done.record.waitingRegistration).toBeUndefined()
    // Nothing is left for an activation mail to finish: the desk stops offering one.
    expect(done.record.account).toMatchObject({ state: 'pending', activatable: false })
    const dead = await t.call('POST', `/v1/registrations/${first.body.registrationId}/verify`, {
      code: firstCode,
    })
    expect(dead.body.error?.code).toBe('code_expired')
    const third = await t.register('waiting@example.ca', {}, { 'idempotency-key': 'third' })
    expect((await t.outbox('waiting@example.ca')).at(-1)?.kind).toBe('registrationCode')
    const verified = await t.call('POST', `/v1/registrations/${third.body.registrationId}/verify`, {
      code: await t.lastCode('waiting@example.ca'),
    })
    expect(verified.body).toEqual({ status: 'active' })
  })

  it('once ended, a recovery for the pending address sends nothing and answers as for anyone', async () => {
    await t.invite('ended@example.ca')
    await t.register('ended@example.ca')
    await act('registrations/end-waiting', { email: 'ended@example.ca' })
    const mailsBefore = (await t.outbox('ended@example.ca')).length
    t.clock.at += 61_000
    const recovery = await t.call('POST', '/v1/recovery', {
      email: 'ended@example.ca',
      locale: 'fr-CA',
    })
    expect(recovery.status).toBe(202)
    expect(await t.outbox('ended@example.ca')).toHaveLength(mailsBefore)
  })

  it('once ended, staff cannot send the pending address an activation mail: nothing to activate', async () => {
    await t.invite('ended@example.ca')
    await t.register('ended@example.ca')
    await act('registrations/end-waiting', { email: 'ended@example.ca' })
    const mailsBefore = (await t.outbox('ended@example.ca')).length
    t.clock.at += 61_000
    const answer = await act('recovery-mails', { email: 'ended@example.ca' })
    expect(answer.body.error?.code).toBe('not_applicable')
    expect(await t.outbox('ended@example.ca')).toHaveLength(mailsBefore)
  })

  it('nothing waiting → not applicable', async () => {
    await t.invite('idle@example.ca')
    expect(
      (await act('registrations/end-waiting', { email: 'idle@example.ca' })).body.error?.code,
    ).toBe('not_applicable')
  })
})

describe('start the student’s registration on this screen', () => {
  it('ends the staff session and answers the invited address and names', async () => {
    const { createInvitation } = await import('@service/domain/invitations')
    await createInvitation(t.service.ctx, {
      email: 'hand@example.ca',
      institution: 'Cégep de Test',
      firstName: 'Sam',
      lastName: 'Bouchard',
    })
    const answer = await act('handovers', { email: 'hand@example.ca' })
    expect(HandoverAccepted.parse(answer.body)).toEqual({
      email: 'hand@example.ca',
      firstName: 'Sam',
      lastName: 'Bouchard',
    })
    expect(await lastAudit()).toMatchObject({ action: 'start_registration', result: 'ok' })
    const after = await act('lookups', { email: 'hand@example.ca' })
    expect(after.body.error?.code).toBe('staff_session_expired')
  })

  it('not while a registration holds the address, nor for an active account or no invitation', async () => {
    await t.invite('held@example.ca')
    await t.register('held@example.ca')
    await t.activeAccount('active@example.ca')
    for (const email of ['held@example.ca', 'active@example.ca', 'nobody@example.ca'])
      expect((await act('handovers', { email })).body.error?.code).toBe('not_applicable')
    // The session is still there: staff can end the waiting registration, then hand over.
    await act('registrations/end-waiting', { email: 'held@example.ca' })
    expect((await act('handovers', { email: 'held@example.ca' })).status).toBe(200)
  })
})
