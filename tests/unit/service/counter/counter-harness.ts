import { readAudit } from '@service/domain/audit'
import { addStaff } from '@service/domain/staff-accounts'
import type { ServiceOptions } from '@service/server'
import { openTestService, type Body } from '../service-harness'

export const COUNTER = 'OK--dOYeexI18nXXe_6NZYEimnh9pERqYZr8zkoR-Ms'
export const OTHER_COUNTER = 'xb2sEJxBsxvREyRH1a_-hrl4OFaL7buNp7wMQ1VEJUY'
export const STAFF_EMAIL = 'marie.cote@registraire.example.ca'
export const STAFF_PASSWORD = 'Guichet-Registraire#2026'

/**
 * The test service with two counter devices (and the public kiosk `DEVICE`), and helpers for a
 * staff member: added by IT, enrolled with their code, signed in, calling staff endpoints.
 */
export async function openCounterService(options: Partial<ServiceOptions> = {}) {
  const t = await openTestService({ counterDeviceTokens: [COUNTER, OTHER_COUNTER], ...options })
  const onCounter = (token = COUNTER) => ({ authorization: `Bearer ${token}` })

  /** What `service staff add` prints: the code, as IT reads it out. */
  const addStaffMember = (email = STAFF_EMAIL, name = 'Marie Côté') =>
    addStaff(t.service.ctx, email, name)

  const enrol = (code: string, email = STAFF_EMAIL, password = STAFF_PASSWORD, device = COUNTER) =>
    t.call('POST', '/v1/staff/enrolments', { email, code, password }, onCounter(device))

  const staffSignIn = (email = STAFF_EMAIL, password = STAFF_PASSWORD, device = COUNTER) =>
    t.call('POST', '/v1/staff/sessions', { email, password }, onCounter(device))

  /** A staff member added, enrolled and signed in on the counter: their session token. */
  async function signedInStaff(email = STAFF_EMAIL): Promise<string> {
    const enrolled = await enrol(await addStaffMember(email), email)
    if (enrolled.status !== 204) throw new Error(`enrolment failed: ${enrolled.raw}`)
    const session = await staffSignIn(email)
    if (session.status !== 200) throw new Error(`staff sign-in failed: ${session.raw}`)
    return session.body.staffSessionToken as string
  }

  const asStaff = (
    token: string,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: Body,
    device = COUNTER,
  ) => t.call(method, url, body, { ...onCounter(device), 'x-staff-session': token })

  const audit = () => readAudit(t.service.ctx, { since: 0 })

  return { ...t, onCounter, addStaffMember, enrol, staffSignIn, signedInStaff, asStaff, audit }
}

export type CounterService = Awaited<ReturnType<typeof openCounterService>>
