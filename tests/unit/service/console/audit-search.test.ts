import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditPage } from '@shared/api/console/audit'
import { recordAudit } from '@service/domain/audit'
import { addStaff, findStaffByEmail } from '@service/domain/staff-accounts'
import { MINUTE } from '@service/clock'
import {
  IT_EMAIL,
  REGISTRAR_EMAIL,
  openConsoleService,
  type ConsoleService,
  type ConsoleSignedIn,
} from './console-harness'

let t: ConsoleService
let it_: ConsoleSignedIn
let registrar: ConsoleSignedIn
const STAFF = 'guichet.lise@cegep.example.ca'

beforeEach(async () => {
  t = await openConsoleService()
  it_ = await t.signedIn(IT_EMAIL, 'it')
  registrar = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
  await addStaff(t.ctx, STAFF, 'Lise Roy')
  const staffId = (await findStaffByEmail(t.ctx, STAFF))!.id
  const deviceId = (await t.sql.get<{ id: string }>(
    "SELECT id FROM devices WHERE name = 'device-1'",
  ))!.id
  // 120 look-ups of two students, one a minute.
  for (let i = 0; i < 120; i++) {
    t.clock.at += MINUTE
    await recordAudit(
      t.ctx,
      { staffId, deviceId },
      {
        action: 'lookup',
        target: i % 2 ? 'etudiant.a@example.ca' : 'etudiant.b@example.ca',
        result: 'ok',
      },
    )
  }
  it_ = await t.signIn(IT_EMAIL)
  registrar = await t.signIn(REGISTRAR_EMAIL)
})
afterEach(() => t.close())

const search = async (session: ConsoleSignedIn, body: Record<string, unknown>) =>
  AuditPage.parse((await t.request('POST', '/v1/console/audit/search', { session, body })).body)

describe('audit search', () => {
  it('by exact student address, paged 50 at a time, newest first, with the total', async () => {
    const first = await search(it_, { target: 'etudiant.a@example.ca' })
    expect(first.total).toBe(60)
    expect(first.entries).toHaveLength(50)
    expect(first.entries.every((e) => e.target === 'etudiant.a@example.ca')).toBe(true)
    expect(first.entries[0]!.at > first.entries[1]!.at).toBe(true)
    const second = await search(it_, { target: 'etudiant.a@example.ca', page: 2 })
    expect(second.entries).toHaveLength(10)
    // No partial match: a prefix finds nothing.
    expect(
      (
        await t.request('POST', '/v1/console/audit/search', {
          session: it_,
          body: { target: 'etudiant' },
        })
      ).status,
    ).toBe(400)
  })

  it('by staff member, action and dates', async () => {
    const byStaff = await search(it_, { actor: STAFF, action: 'lookup' })
    expect(byStaff.total).toBe(120)
    const since = new Date(Date.parse('2026-11-28T12:00:00Z') + 10 * MINUTE).toISOString()
    const until = new Date(Date.parse('2026-11-28T12:00:00Z') + 20 * MINUTE).toISOString()
    expect((await search(it_, { actor: STAFF, since, until })).total).toBe(10)
    expect((await search(it_, { actor: IT_EMAIL })).entries.map((e) => e.action)).toContain(
      'console_sign_in',
    )
  })

  it('the registrar reads the counter desk’s part only; IT reads all', async () => {
    expect((await search(registrar, { actor: IT_EMAIL })).total).toBe(0)
    expect((await search(registrar, { actor: STAFF })).total).toBe(120)
    expect((await search(it_, { action: 'console_sign_in' })).total).toBeGreaterThan(0)
  })

  it('exports every match as CSV, beyond one page', async () => {
    const csv = await t.request('POST', '/v1/console/audit/export', {
      session: it_,
      body: { target: 'etudiant.b@example.ca' },
    })
    const lines = csv.raw.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      '"at_utc","actor_email","actor_name","via","device","action","target","detail","result"',
    )
    expect(lines).toHaveLength(61)
    expect(lines[1]).toMatch(
      /^"2026-11-28T13:59:00.000Z","guichet.lise@cegep.example.ca","Lise Roy","counter","device-1","lookup","etudiant.b@example.ca","","ok"$/,
    )
  })
})
