import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StudentRecord } from '@shared/api/staff'
import { MINUTE } from '@service/clock'
import { PASSWORD } from '../service-harness'
import { STAFF_EMAIL, openCounterService, type CounterService } from './counter-harness'

let t: CounterService
let token: string
beforeEach(async () => {
  t = await openCounterService()
  token = await t.signedInStaff()
})
afterEach(() => t.close())

const lookUp = (email: string) => t.asStaff(token, 'POST', '/v1/staff/lookups', { email })

describe('looking a student up at the counter', () => {
  it('an address nobody invited: no account, nothing sent (and the look-up is audited)', async () => {
    const answer = await lookUp('Personne@Example.ca ')
    expect(answer.status).toBe(200)
    expect(StudentRecord.parse(answer.body)).toEqual({
      email: 'personne@example.ca',
      invitations: [],
      account: { state: 'none', signInFailures: 0, activatable: false },
      mails: [],
      consents: [],
    })
    expect((await t.audit()).at(-1)).toMatchObject({
      action: 'lookup',
      target: 'personne@example.ca',
      result: 'ok',
      staff: { email: STAFF_EMAIL, name: 'Marie Côté' },
      device: 'counter-1',
    })
  })

  it('only the exact address: no prefix, no wildcard, no listing', async () => {
    await t.invite('alexandra.roy@example.ca')
    for (const probe of ['alexandra.roy@example', '%@example.ca', 'alexandra.roy@example.c']) {
      const answer = await lookUp(probe)
      if (answer.status === 200) expect(answer.body.invitations).toEqual([])
      else expect(answer.body.error?.code).toBe('validation_failed')
    }
    expect((await t.asStaff(token, 'GET', '/v1/staff/lookups')).status).toBe(404)
  })

  it('an invited student mid-registration: invitation, waiting registration, mails, typed names', async () => {
    await t.invite('alex@example.ca', { title: 'DEC en soins infirmiers', issuedOn: '2026-06-01' })
    await t.register('alex@example.ca')
    const record = StudentRecord.parse((await lookUp('alex@example.ca')).body)
    expect(record.invitations).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        institution: 'Cégep de Test',
        document: { title: 'DEC en soins infirmiers', issuedOn: '2026-06-01' },
        invitedAt: '2026-11-28T12:00:00.000Z',
        expiresAt: '2026-12-28T12:00:00.000Z',
        state: 'open',
      },
    ])
    expect(record.account).toMatchObject({
      state: 'pending',
      firstName: 'Alex',
      lastName: 'Roy',
      activatable: true,
    })
    expect(record.waitingRegistration).toEqual({
      codeSentAt: '2026-11-28T12:00:00.000Z',
      codeExpiresAt: '2026-11-28T13:00:00.000Z',
    })
    expect(record.mails.map((m) => [m.kind, m.status])).toEqual([
      ['registrationCode', 'sent'],
      ['invitation', 'sent'],
    ])
  })

  it('a registration whose code expired holds nothing, yet an activation mail can finish it', async () => {
    await t.invite('late@example.ca')
    await t.register('late@example.ca')
    t.clock.at += 61 * MINUTE
    token = (await t.staffSignIn()).body.staffSessionToken as string
    const record = StudentRecord.parse((await lookUp('late@example.ca')).body)
    expect(record.waitingRegistration).toBeUndefined()
    expect(record.account).toMatchObject({ state: 'pending', activatable: true })
  })

  it('an active account: activation, last sign-in, failures and lock, consent', async () => {
    await t.activeAccount('alex@example.ca')
    t.clock.at += MINUTE
    await t.call('POST', '/v1/sessions', { email: 'alex@example.ca', password: PASSWORD })
    for (let i = 0; i < 10; i++)
      await t.call('POST', '/v1/sessions', {
        email: 'alex@example.ca',
        password: 'Wrong#Pass2026x',
      })
    const record = StudentRecord.parse((await lookUp('alex@example.ca')).body)
    expect(record.account).toMatchObject({
      state: 'active',
      firstName: 'Alex',
      lastName: 'Roy',
      locale: 'fr-CA',
      createdAt: '2026-11-28T12:00:00.000Z',
      activatedAt: '2026-11-28T12:00:00.000Z',
      lastSignInAt: '2026-11-28T12:01:00.000Z',
      lockedUntil: '2026-11-28T12:16:00.000Z',
    })
    expect(record.invitations[0]?.state).toBe('accepted')
    expect(record.account.activatable).toBe(false)
    expect(record.consents).toEqual([
      expect.objectContaining({ document: 'privacy', locale: 'fr-CA', device: 'device-1' }),
      expect.objectContaining({ document: 'terms', locale: 'fr-CA', device: 'device-1' }),
    ])
  })

  it('never a password hash, code, token or mail body', async () => {
    await t.invite('alex@example.ca')
    await t.register('alex@example.ca')
    await t.call('POST', '/v1/recovery', { email: 'alex@example.ca', locale: 'fr-CA' })
    const text = (await lookUp('alex@example.ca')).raw
    const column = async (sql: string) =>
      (await t.sql.all<Record<string, string>>(sql)).map((row) => Object.values(row)[0]!)
    const secrets = [
      await t.lastCode('alex@example.ca'),
      await t.lastLinkToken('alex@example.ca', 'activate'),
      ...(await column('SELECT password_hash FROM registration_credentials')),
      ...(await column('SELECT code_hash FROM verifications')),
      ...(await column('SELECT token_hash FROM link_tokens')),
      token,
      'mescertif://',
    ]
    expect(secrets.length).toBeGreaterThan(6)
    for (const secret of secrets) expect(text).not.toContain(secret)
  })
})
