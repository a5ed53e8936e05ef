import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { counterOperations } from '@service/openapi-counter'
import { DEVICE, PASSWORD } from '../service-harness'
import { openCounterService, type CounterService } from './counter-harness'

let t: CounterService
beforeEach(async () => {
  t = await openCounterService()
})
afterEach(() => t.close())

const STUDENT = 'etudiant@example.ca'

/** Every staff endpoint, with a body its schema accepts. */
const staffEndpoints = counterOperations
  .filter((op) => op.auth === 'staff')
  .map((op) => ({
    method: op.method.toUpperCase() as 'POST' | 'DELETE',
    url: op.path,
    body:
      op.path === '/v1/staff/invitations/correct'
        ? { email: STUDENT, newEmail: 'corrige@example.ca' }
        : op.method === 'post'
          ? { email: STUDENT }
          : undefined,
  }))

/** A student's active account and signed-in session, on the public kiosk. */
async function studentSession(): Promise<string> {
  await t.activeAccount(STUDENT)
  const session = await t.call('POST', '/v1/sessions', { email: STUDENT, password: PASSWORD })
  return session.body.sessionToken as string
}

describe('permissions are the service’s, on every staff endpoint', () => {
  it('lists the eight staff endpoints', () => {
    expect(staffEndpoints.map((e) => e.url)).toHaveLength(8)
  })

  it('no device token → 401 unknown_device', async () => {
    for (const { method, url, body } of staffEndpoints) {
      const answer = await t.call(method, url, body, { authorization: '' })
      expect([url, answer.status, answer.body.error?.code]).toEqual([url, 401, 'unknown_device'])
    }
  })

  it('a counter device token alone → 401 staff_session_expired', async () => {
    for (const { method, url, body } of staffEndpoints) {
      const answer = await t.call(method, url, body, t.onCounter())
      expect([url, answer.status, answer.body.error?.code]).toEqual([
        url,
        401,
        'staff_session_expired',
      ])
    }
  })

  it('a public kiosk → 403 not_counter_device, even with a valid staff session', async () => {
    const token = await t.signedInStaff()
    for (const { method, url, body } of staffEndpoints) {
      for (const headers of [{}, { 'x-staff-session': token }] as Record<string, string>[]) {
        const answer = await t.call(method, url, body, headers)
        expect([url, answer.status, answer.body.error?.code]).toEqual([
          url,
          403,
          'not_counter_device',
        ])
      }
    }
  })

  it('a student’s session → 403 forbidden; the same token as a staff session → 401', async () => {
    const session = await studentSession()
    for (const { method, url, body } of staffEndpoints) {
      const asSession = await t.call(method, url, body, { ...t.onCounter(), 'x-session': session })
      expect([url, asSession.status, asSession.body.error?.code]).toEqual([url, 403, 'forbidden'])
      const asStaff = await t.asStaff(session, method, url, body)
      expect([url, asStaff.status, asStaff.body.error?.code]).toEqual([
        url,
        401,
        'staff_session_expired',
      ])
    }
  })

  it('a staff session token opens none of the student endpoints', async () => {
    const token = await t.signedInStaff()
    for (const url of ['/v1/me', '/v1/me/documents']) {
      const answer = await t.call('GET', url, undefined, { ...t.onCounter(), 'x-session': token })
      expect(answer.body.error?.code).toBe('session_expired')
    }
  })

  it('staff sign-in and enrolment refuse a public kiosk (403) and no device (401)', async () => {
    for (const url of ['/v1/staff/sessions', '/v1/staff/enrolments']) {
      const body =
        url === '/v1/staff/sessions'
          ? { email: 'x@example.ca', password: PASSWORD }
          : { email: 'x@example.ca', code: 'ABCD-EFGH-JKLM', password: PASSWORD }
      expect((await t.call('POST', url, body)).status).toBe(403)
      expect((await t.call('POST', url, body, { authorization: '' })).status).toBe(401)
    }
  })

  it('the admin endpoints need the admin token: a device or a staff session gets 401', async () => {
    const token = await t.signedInStaff()
    for (const url of ['/v1/admin/devices', '/v1/admin/audit?since=2026-01-01T00:00:00Z']) {
      for (const headers of [
        {},
        t.onCounter(),
        { ...t.onCounter(), 'x-staff-session': token },
        { authorization: `Bearer ${DEVICE}` },
      ]) {
        const answer = await t.call('GET', url, undefined, headers)
        expect([url, answer.status, answer.body.error?.code]).toEqual([url, 401, 'unauthorized'])
      }
    }
  })
})
