import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditList } from '@shared/api/staff'
import { DAY, MINUTE } from '@service/clock'
import {
  auditCommand,
  CommandError,
  parseSince,
  staffCommand,
} from '@service/commands/office-commands'
import { purgeExpiredData } from '@service/retention'
import { ADMIN } from '../service-harness'
import { STAFF_EMAIL, openCounterService, type CounterService } from './counter-harness'

let t: CounterService
let token: string
beforeEach(async () => {
  t = await openCounterService()
  token = await t.signedInStaff()
})
afterEach(() => t.close())

const lookUp = (email: string) => t.asStaff(token, 'POST', '/v1/staff/lookups', { email })
const adminAudit = (query: string) =>
  t.call('GET', `/v1/admin/audit?${query}`, undefined, { authorization: `Bearer ${ADMIN}` })

describe('the admin reads the audit', () => {
  it('GET /v1/admin/audit from since (inclusive) to until (exclusive)', async () => {
    await lookUp('first@example.ca')
    t.clock.at += 5 * MINUTE
    await lookUp('second@example.ca')
    const all = AuditList.parse((await adminAudit('since=2026-11-28T00:00:00Z')).body).entries
    expect(all.map((e) => [e.action, e.target])).toEqual([
      ['enrol', null],
      ['sign_in', null],
      ['lookup', 'first@example.ca'],
      ['lookup', 'second@example.ca'],
    ])
    const later = AuditList.parse((await adminAudit('since=2026-11-28T12:03:00Z')).body).entries
    expect(later.map((e) => e.target)).toEqual(['second@example.ca'])
    const window = AuditList.parse(
      (await adminAudit('since=2026-11-28T00:00:00Z&until=2026-11-28T12:03:00Z&limit=10')).body,
    ).entries
    expect(window.map((e) => e.target)).not.toContain('second@example.ca')
    expect(window.at(-1)).toMatchObject({
      staff: { email: STAFF_EMAIL, name: 'Marie Côté' },
      device: 'counter-1',
      result: 'ok',
    })
  })

  it('a bad query is a 400 naming the field', async () => {
    expect((await adminAudit('')).body.error).toMatchObject({ fields: { since: 'required' } })
    expect((await adminAudit('since=yesterday')).body.error).toMatchObject({
      fields: { since: 'invalid' },
    })
  })

  it('service audit --since prints one line per entry (or --json)', async () => {
    await lookUp('alex@example.ca')
    const text = await auditCommand(t.service.ctx, { since: '1h' })
    expect(text.split('\n').at(-1)).toBe(
      [
        '2026-11-28T12:00:00.000Z',
        `Marie Côté <${STAFF_EMAIL}>`,
        'counter-1',
        'lookup',
        'alex@example.ca',
        'ok',
      ].join('\t'),
    )
    expect(
      JSON.parse(await auditCommand(t.service.ctx, { since: '2026-11-28', json: true })),
    ).toEqual(AuditList.parse((await adminAudit('since=2026-11-28T00:00:00Z')).body))
    expect(await auditCommand(t.service.ctx, { since: '2030-01-01' })).toBe('(no entries)')
  })

  it('--since takes a date, a time, or hours and days back', () => {
    const now = Date.parse('2026-11-28T12:00:00Z')
    expect(parseSince('24h', now)).toBe(now - DAY)
    expect(parseSince('7d', now)).toBe(now - 7 * DAY)
    expect(parseSince('2026-11-01', now)).toBe(Date.parse('2026-11-01'))
    expect(() => parseSince('last week', now)).toThrow(CommandError)
    expect(() => parseSince(undefined, now)).toThrow(CommandError)
  })

  it('rows are kept a year, then purged', async () => {
    await lookUp('alex@example.ca')
    t.clock.at += 364 * DAY
    await purgeExpiredData(t.service.ctx)
    expect((await t.audit()).map((e) => e.target)).toContain('alex@example.ca')
    t.clock.at += DAY
    await purgeExpiredData(t.service.ctx)
    expect(await t.audit()).toEqual([])
  })
})

describe('service staff', () => {
  it('add prints a code once; list shows who is enrolled; disable ends them', async () => {
    const added = await staffCommand(t.service.ctx, {
      action: 'add',
      email: 'Luc.Tremblay@Registraire.example.ca',
      name: 'Luc Tremblay',
    })
    expect(added).toMatch(
      /^enrolment code \(single use, 72 h\): [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
    )
    expect((await staffCommand(t.service.ctx, { action: 'list' })).split('\n')).toEqual([
      'luc.tremblay@registraire.example.ca\tLuc Tremblay\twaiting for enrolment',
      `${STAFF_EMAIL}\tMarie Côté\tenrolled`,
    ])
    await expect(
      staffCommand(t.service.ctx, { action: 'add', email: STAFF_EMAIL, name: 'Again' }),
    ).rejects.toThrow(/already exists/)
    await expect(
      staffCommand(t.service.ctx, { action: 'add', email: 'x@example.ca' }),
    ).rejects.toThrow(/--name/)
    await staffCommand(t.service.ctx, { action: 'disable', email: STAFF_EMAIL })
    expect(await staffCommand(t.service.ctx, { action: 'list' })).toContain('Marie Côté\tdisabled')
  })
})
