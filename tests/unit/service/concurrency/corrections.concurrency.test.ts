import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StaffActionDone, StudentRecord } from '@shared/api/staff'
import { createInvitation } from '@service/domain/invitations'
import { addStaff } from '@service/domain/staff-accounts'
import { COUNTER, STAFF_EMAIL, STAFF_PASSWORD } from '../counter/counter-harness'
import { ADMIN, type Body } from '../service-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
let staff: Record<string, string>
beforeEach(async () => {
  t = await openListeningService({ counterDeviceTokens: [COUNTER] })
  const onCounter = { authorization: `Bearer ${COUNTER}` }
  const code = await addStaff(t.service.ctx, STAFF_EMAIL, 'Marie Côté')
  await t.send(
    t.json(
      'POST',
      '/v1/staff/enrolments',
      { email: STAFF_EMAIL, code, password: STAFF_PASSWORD },
      onCounter,
    ),
  )
  const session = await t.send(
    t.json(
      'POST',
      '/v1/staff/sessions',
      { email: STAFF_EMAIL, password: STAFF_PASSWORD },
      onCounter,
    ),
  )
  staff = { ...onCounter, 'x-staff-session': session.json?.staffSessionToken as string }
})
afterEach(() => t.close())

const asStaff = (path: string, body: Body) => t.json('POST', `/v1/staff/${path}`, body, staff)
const record = async (email: string) =>
  StudentRecord.parse((await t.send(asStaff('lookups', { email }))).json)
const mailsTo = async (email: string) => (await t.outbox(email)).length
const invite = (email: string, firstName: string, lastName: string) =>
  createInvitation(t.service.ctx, { email, institution: 'Cégep de Test', firstName, lastName })

describe('every mail counts against the hourly cap, corrections included (issue 25, rule 3)', () => {
  it('12 corrections back and forth mail neither address more than 5 times in an hour', async () => {
    await invite('a@example.ca', 'Alex', 'Roy')
    let [from, to] = ['a@example.ca', 'b@example.ca']
    const results: number[] = []
    for (let i = 0; i < 12; i++) {
      const invitationId = (await record(from)).invitations.find((x) => x.state === 'open')?.id
      const answer = await t.send(
        asStaff('invitations/correct', { email: from, invitationId, newEmail: to }),
      )
      results.push(answer.status)
      if (answer.status === 200) [from, to] = [to, from]
    }
    expect(await mailsTo('a@example.ca')).toBeLessThanOrEqual(5)
    expect(await mailsTo('b@example.ca')).toBeLessThanOrEqual(5)
    expect(results).toContain(429)
  })

  it('30 invitations to one address at once through the admin API: exactly 5 are mailed', async () => {
    const responses = await t.parallel(
      times(30, (i) =>
        t.json(
          'POST',
          '/v1/invitations',
          { email: 'many@example.ca', institution: `Cégep ${i}` },
          { authorization: `Bearer ${ADMIN}` },
        ),
      ),
    )
    expect(tally(responses)).toEqual({ '201': 5, '429 rate_limited': 25 })
    expect(await mailsTo('many@example.ca')).toBe(5)
  })
})

describe('a correction moves the one invitation staff chose (issue 25, rule 4)', () => {
  it('an address holding two graduates’ invitations: the record names each, one moves, the other stays', async () => {
    await invite('shared@example.ca', 'Alex', 'Roy')
    await invite('shared@example.ca', 'Sam', 'Tremblay')
    const before = await record('shared@example.ca')
    expect(before.invitations.map((i) => [i.firstName, i.lastName])).toEqual([
      ['Sam', 'Tremblay'],
      ['Alex', 'Roy'],
    ])
    const sams = before.invitations[0]!.id
    const answer = await t.send(
      asStaff('invitations/correct', {
        email: 'shared@example.ca',
        invitationId: sams,
        newEmail: 'sam@example.ca',
      }),
    )
    const done = StaffActionDone.parse(answer.json)
    expect(done.record.invitations).toEqual([
      expect.objectContaining({ firstName: 'Sam', state: 'open' }),
    ])
    const after = await record('shared@example.ca')
    expect(after.invitations.map((i) => [i.firstName, i.state])).toEqual([
      ['Sam', 'revoked'],
      ['Alex', 'open'],
    ])
    expect(await mailsTo('sam@example.ca')).toBe(1)
  })

  it('the same correction 30 times at once: the invitation moves once, one mail', async () => {
    await invite('typo@exmaple.ca', 'Alex', 'Roy')
    const invitationId = (await record('typo@exmaple.ca')).invitations[0]!.id
    const responses = await t.parallel(
      times(30, () =>
        asStaff('invitations/correct', {
          email: 'typo@exmaple.ca',
          invitationId,
          newEmail: 'typo@example.ca',
        }),
      ),
    )
    expect(tally(responses)).toEqual({ '200': 1, '409 not_applicable': 29 })
    expect(await mailsTo('typo@example.ca')).toBe(1)
    expect((await record('typo@example.ca')).invitations).toHaveLength(1)
  })

  it('an address with an active account: refused until staff confirm a second time', async () => {
    await t.activeAccount('holder@example.ca')
    await invite('holdr@example.ca', 'Alex', 'Roy')
    const invitationId = (await record('holdr@example.ca')).invitations[0]!.id
    const body = { email: 'holdr@example.ca', invitationId, newEmail: 'holder@example.ca' }
    const first = await t.send(asStaff('invitations/correct', body))
    expect(first.json?.error?.code).toBe('address_has_account')
    expect((await record('holdr@example.ca')).invitations[0]!.state).toBe('open')
    const confirmed = await t.send(
      asStaff('invitations/correct', { ...body, confirmActiveAccount: true }),
    )
    expect(confirmed.status).toBe(200)
    expect((await record('holdr@example.ca')).invitations[0]!.state).toBe('revoked')
  })
})
