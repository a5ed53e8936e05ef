import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const recover = (email: string) => t.json('POST', '/v1/recovery', { email, locale: 'fr-CA' })

describe('recovery under parallel requests', () => {
  it.each([
    ['an active account', 'active'],
    ['a pending account', 'pending'],
    ['an unknown address', 'unknown'],
  ])('20 requests at once for %s: one recovery, one mail at most', async (_name, state) => {
    const email = `${state}@example.ca`
    if (state === 'active') await t.activeAccount(email)
    if (state === 'pending') {
      await t.invite(email)
      await t.register(email)
    }
    t.clock.at += 61_000
    const before = (await t.outbox(email)).length
    const responses = await t.parallel(times(20, () => recover(email)))
    expect(tally(responses)).toEqual({ '202': 20 })
    expect(new Set(responses.map((r) => r.json?.recoveryId)).size).toBe(1)
    expect((await t.outbox(email)).length).toBe(state === 'unknown' ? 0 : before + 1)
    const events = await t.sql.get<{ n: number }>(
      'SELECT count(*) AS n FROM mail_events WHERE email = ? AND at = ?',
      email,
      t.clock.at,
    )
    expect(events?.n).toBe(1)
  })

  it('recoveries of many addresses at once answer identically but for their ids', async () => {
    await t.activeAccount('a@example.ca')
    await t.invite('p@example.ca')
    await t.register('p@example.ca')
    t.clock.at += 61_000
    const emails = ['a@example.ca', 'p@example.ca', 'u@example.ca']
    const responses = await t.parallel(emails.flatMap((email) => times(5, () => recover(email))))
    const shapes = responses.map((r) => ({
      status: r.status,
      length: r.body.length,
      body: { ...r.json, recoveryId: 'x' },
    }))
    expect(new Set(shapes.map((shape) => JSON.stringify(shape))).size).toBe(1)
  })
})
