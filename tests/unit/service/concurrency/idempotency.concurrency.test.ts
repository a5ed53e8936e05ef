import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const EMAIL = 'key@example.ca'
const register = (key: string, extra: Record<string, unknown> = {}) =>
  t.json('POST', '/v1/registrations', t.registrationBody(EMAIL, extra), { 'idempotency-key': key })
const codeMails = async () =>
  (await t.outbox(EMAIL)).filter((mail) => mail.kind === 'registrationCode').length

describe('Idempotency-Key under parallel requests', () => {
  it('one key and one body 20 times at once: one registration, one mail; the rest wait (409)', async () => {
    await t.invite(EMAIL)
    // The first request hashes its password while the others find its key in flight.
    const responses = await t.parallel(
      times(20, () => register('same')),
      { holdHashing: 1 },
    )
    expect(tally(responses)).toEqual({ '202': 1, '409 idempotency_in_flight': 19 })
    expect(await codeMails()).toBe(1)
    const again = await t.parallel(times(10, () => register('same')))
    expect(tally(again)).toEqual({ '202': 10 })
    const first = responses.find((r) => r.status === 202)!
    expect(new Set(again.map((r) => r.body))).toEqual(new Set([first.body]))
    expect(await codeMails()).toBe(1)
  })

  it('one key with different passwords at once: one is processed, no other body is ever replayed', async () => {
    await t.invite(EMAIL)
    const responses = await t.parallel(
      times(10, (i) => register('mixed', { password: `Mot-de-passe-${i}#Unique` })),
      { holdHashing: 1 },
    )
    expect(tally(responses)).toEqual({ '202': 1, '409 idempotency_in_flight': 9 })
    const winner = responses.findIndex((r) => r.status === 202)
    const replays = await t.parallel(
      times(10, (i) => register('mixed', { password: `Mot-de-passe-${i}#Unique` })),
    )
    expect(replays.map((r) => r.status)).toEqual(times(10, (i) => (i === winner ? 202 : 422)))
  })

  it('twenty keys for one address at once: still one account (the unique email backs it up)', async () => {
    await t.invite(EMAIL)
    const responses = await t.parallel(times(20, (i) => register(`k${i}`)))
    expect(tally(responses)).toEqual({ '202': 20 })
    const accounts = await t.sql.get<{ n: number }>(
      'SELECT count(*) AS n FROM accounts WHERE email = ?',
      EMAIL,
    )
    expect(accounts?.n).toBe(1)
    expect(await codeMails()).toBe(1)
  })
})
