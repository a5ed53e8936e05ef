import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StaffAccountList } from '@shared/api/console/accounts'
import { MINUTE } from '@service/clock'
import { readAudit } from '@service/domain/audit'
import {
  REGISTRAR_EMAIL,
  openConsoleService,
  type ConsoleService,
  type ConsoleSignedIn,
} from './console-harness'

let t: ConsoleService
let registrar: ConsoleSignedIn
const STAFF = 'guichet.lise@cegep.example.ca'
beforeEach(async () => {
  t = await openConsoleService()
  registrar = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
})
afterEach(() => t.close())

const staff = async () =>
  StaffAccountList.parse((await t.request('GET', '/v1/console/staff', { session: registrar })).body)
    .accounts
const post = (path: string, body: unknown) =>
  t.request('POST', `/v1/console/staff${path}`, { session: registrar, body })

describe('counter staff, managed by the registrar', () => {
  it('add shows a one-time code; reset gives a new one; disable; each audited', async () => {
    const added = await post('', { email: STAFF, name: 'Lise Roy' })
    expect(added.status).toBe(201)
    expect(added.body.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    expect((await post('', { email: STAFF, name: 'Lise Roy' })).status).toBe(409)
    expect(await staff()).toMatchObject([{ email: STAFF, state: 'waiting' }])
    const reset = await post('/reset', { email: STAFF })
    expect(reset.body.code).not.toBe(added.body.code)
    expect((await post('/disable', { email: STAFF })).status).toBe(204)
    expect(await staff()).toMatchObject([{ email: STAFF, state: 'disabled' }])
    expect(
      (await readAudit(t.ctx, { since: 0 }))
        .filter((entry) => entry.target === STAFF)
        .map((entry) => [entry.action, entry.result, entry.staff?.email]),
    ).toEqual([
      ['staff_add', 'ok', REGISTRAR_EMAIL],
      ['staff_add', 'validation_failed', REGISTRAR_EMAIL],
      ['staff_reset', 'ok', REGISTRAR_EMAIL],
      ['staff_disable', 'ok', REGISTRAR_EMAIL],
    ])
  })

  it('lifts a staff member’s sign-in lock, and says so when there is none', async () => {
    await post('', { email: STAFF, name: 'Lise Roy' })
    await t.sql.run(
      `INSERT INTO staff_sign_in_throttle (email, failures, in_flight, locked_until, last_attempt_at)
       VALUES (?, 0, 0, ?, ?)`,
      STAFF,
      t.clock.at + 15 * MINUTE,
      t.clock.at,
    )
    expect((await staff())[0]!.lockedUntil).toBeDefined()
    expect((await post('/unlock', { email: STAFF })).status).toBe(204)
    expect((await staff())[0]!.lockedUntil).toBeUndefined()
    expect((await post('/unlock', { email: STAFF })).body.error?.code).toBe('not_applicable')
  })
})
