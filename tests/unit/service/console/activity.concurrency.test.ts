import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readActivity } from '@service/domain/activity'
import {
  openListeningService,
  tally,
  times,
  type ListeningService,
} from '../concurrency/listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const totals = async () =>
  (await readActivity(t.service.ctx, { from: 0, to: Number.MAX_SAFE_INTEGER })).hours.reduce(
    (sum, hour) => ({
      started: sum.started + hour.counts.registrationsStarted,
      sent: sum.sent + hour.counts.codesSent,
      activated: sum.activated + hour.counts.accountsActivated,
    }),
    { started: 0, sent: 0, activated: 0 },
  )

describe('activity counters under parallel requests', () => {
  it('30 registrations at once, then their 30 codes at once: no increment is lost', async () => {
    const emails = times(30, (i) => `parallele.${i}@example.ca`)
    for (const email of emails) await t.invite(email)
    const registered = await t.parallel(
      emails.map((email) => t.json('POST', '/v1/registrations', t.registrationBody(email))),
    )
    expect(tally(registered)).toEqual({ '202': 30 })
    expect(await totals()).toEqual({ started: 30, sent: 30, activated: 0 })

    const codes = await Promise.all(emails.map((email) => t.lastCode(email)))

    const verified = await t.parallel(
      registered.map((answer, i) =>
        t.json('POST', `/v1/registrations/${answer.json?.registrationId}/verify`, {
          code: codes[i]!,
        }),
      ),
    )
    expect(tally(verified)).toEqual({ '200': 30 })
    expect(await totals()).toEqual({ started: 30, sent: 30, activated: 30 })
  })
})
