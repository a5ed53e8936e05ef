import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEVICE } from '../service-harness'
import { openCounterService, STAFF_EMAIL, type CounterService } from './counter-harness'

let t: CounterService
let token: string
beforeEach(async () => {
  t = await openCounterService()
  token = await t.signedInStaff()
})
afterEach(() => t.close())

const staffName = { email: STAFF_EMAIL, name: 'Marie Côté' }

describe('every staff call is audited, the refused ones too (issue 25, rule 5)', () => {
  it.each([
    ['a malformed look-up', 'lookups', { email: 'not an address' }],
    ['a look-up with an extra field', 'lookups', { email: 'alex@example.ca', all: true }],
    [
      'a correction without its invitation',
      'invitations/correct',
      { email: 'a@example.ca', newEmail: 'b@example.ca' },
    ],
    ['an action with no body', 'sign-in-locks/lift', undefined],
  ])('%s: one row, result validation_failed, with who and where', async (_name, path, body) => {
    const before = (await t.audit()).length
    const answer = await t.asStaff(token, 'POST', `/v1/staff/${path}`, body)
    expect(answer.status).toBe(400)
    const rows = (await t.audit()).slice(before)
    expect(rows).toEqual([
      expect.objectContaining({
        staff: staffName,
        device: 'counter-1',
        target: null,
        result: 'validation_failed',
      }),
    ])
  })

  it('a malformed sign-in and a sign-in from a public kiosk: one row each', async () => {
    const before = (await t.audit()).length
    const malformed = await t.call(
      'POST',
      '/v1/staff/sessions',
      { email: STAFF_EMAIL },
      t.onCounter(),
    )
    expect(malformed.status).toBe(400)
    const fromKiosk = await t.call('POST', '/v1/staff/sessions', {
      email: STAFF_EMAIL,
      password: 'Guichet-Registraire#2026',
    })
    expect(fromKiosk.body.error?.code).toBe('not_counter_device')
    expect((await t.audit()).slice(before)).toEqual([
      expect.objectContaining({
        action: 'sign_in',
        device: 'counter-1',
        result: 'validation_failed',
      }),
      expect.objectContaining({
        action: 'sign_in',
        device: 'device-1',
        result: 'not_counter_device',
      }),
    ])
  })

  it('a look-up with an expired staff session, or from a public kiosk: one row each', async () => {
    const before = (await t.audit()).length
    t.clock.at += 11 * 60_000
    const expired = await t.asStaff(token, 'POST', '/v1/staff/lookups', { email: 'a@example.ca' })
    expect(expired.body.error?.code).toBe('staff_session_expired')
    const kiosk = await t.call(
      'POST',
      '/v1/staff/lookups',
      { email: 'a@example.ca' },
      {
        authorization: `Bearer ${DEVICE}`,
        'x-staff-session': token,
      },
    )
    expect(kiosk.body.error?.code).toBe('not_counter_device')
    expect((await t.audit()).slice(before)).toEqual([
      expect.objectContaining({
        action: 'lookup',
        staff: null,
        device: 'counter-1',
        result: 'staff_session_expired',
      }),
      expect.objectContaining({
        action: 'lookup',
        staff: null,
        device: 'device-1',
        result: 'not_counter_device',
      }),
    ])
  })

  it('a call whose device token is unknown writes nothing: no one to attribute it to', async () => {
    const before = (await t.audit()).length
    const answer = await t.call(
      'POST',
      '/v1/staff/lookups',
      { email: 'a@example.ca' },
      {
        authorization: 'Bearer unknown-token',
      },
    )
    expect(answer.status).toBe(401)
    expect(await t.audit()).toHaveLength(before)
  })
})
