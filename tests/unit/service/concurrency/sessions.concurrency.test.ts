import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sha256 } from '@service/security/secrets'
import { PASSWORD } from '../service-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const WRONG = 'Wrong-Pass-2026!'
const signIn = (email: string, password: string, headers?: Record<string, string>) =>
  t.json('POST', '/v1/sessions', { email, password }, headers)

describe('sign-in lock under parallel requests (10 failures → 15 min)', () => {
  it('30 wrong passwords at once: exactly 10 are checked, then the address is locked', async () => {
    await t.activeAccount('lock@example.ca')
    const responses = await t.parallel(
      times(30, () => signIn('lock@example.ca', WRONG)),
      { holdHashing: 10 },
    )
    expect(t.passwordChecks.verify).toBe(10)
    // While the ten checks run, the rest wait their turn; the tenth failure locks.
    expect(tally(responses)).toEqual({
      '401 invalid_credentials': 9,
      '423 account_locked': 1,
      '429 rate_limited': 20,
    })
    const right = await t.send(signIn('lock@example.ca', PASSWORD))
    expect(right.json?.error).toMatchObject({ code: 'account_locked', retryAfterSeconds: 900 })
  })

  it('waves of 9 wrong passwords: the tenth check locks, the next waves are refused unchecked', async () => {
    await t.activeAccount('waves@example.ca')
    const seen = []
    // The second wave's one admitted check lasts while the other eight are refused.
    const checksPerWave = [9, 1, 0, 0, 0]
    for (const checks of checksPerWave)
      seen.push(
        tally(
          await t.parallel(
            times(9, () => signIn('waves@example.ca', WRONG)),
            { holdHashing: checks },
          ),
        ),
      )
    expect(t.passwordChecks.verify).toBe(10)
    expect(seen[0]).toEqual({ '401 invalid_credentials': 9 })
    expect(seen[1]).toEqual({ '423 account_locked': 1, '429 rate_limited': 8 })
    expect(seen.slice(2)).toEqual(times(3, () => ({ '423 account_locked': 9 })))
  })

  it('the right password among 9 wrong ones at once signs in, and nothing locks', async () => {
    await t.activeAccount('mixed@example.ca')
    const responses = await t.parallel([
      ...times(9, () => signIn('mixed@example.ca', WRONG)),
      signIn('mixed@example.ca', PASSWORD),
    ])
    expect(tally(responses)).toEqual({ '200': 1, '401 invalid_credentials': 9 })
    expect((await t.send(signIn('mixed@example.ca', PASSWORD))).status).toBe(200)
  })

  it('an address without an account locks exactly the same way (a lock tells nothing)', async () => {
    const responses = await t.parallel(
      times(30, () => signIn('ghost@example.ca', WRONG)),
      { holdHashing: 10 },
    )
    expect(t.passwordChecks.burn).toBe(10)
    expect(tally(responses)).toEqual({
      '401 invalid_credentials': 9,
      '423 account_locked': 1,
      '429 rate_limited': 20,
    })
    const later = await t.send(signIn('ghost@example.ca', PASSWORD))
    expect(later.json?.error).toMatchObject({ code: 'account_locked', retryAfterSeconds: 900 })
    t.clock.at += 15 * 60_000
    expect((await t.send(signIn('ghost@example.ca', WRONG))).json?.error?.code).toBe(
      'invalid_credentials',
    )
  })
})

describe('sessions under parallel requests', () => {
  it('parallel sign-ins each get their own new token; beyond ten at once, the rest wait', async () => {
    await t.activeAccount('many@example.ca')
    const responses = await t.parallel(
      times(12, () => signIn('many@example.ca', PASSWORD)),
      { holdHashing: 10 },
    )
    expect(tally(responses)).toEqual({ '200': 10, '429 rate_limited': 2 })
    const tokens = responses.map((r) => r.json?.sessionToken).filter(Boolean)
    expect(new Set(tokens).size).toBe(10)
  })

  it('a session works only from the device that signed in, however many try at once', async () => {
    await t.sql.run(
      "INSERT INTO devices (id, name, token_hash, created_at) VALUES ('other', 'other', ?, 0)",
      sha256('other-device-token-12345'),
    )
    await t.activeAccount('bound@example.ca')
    const token = (await t.send(signIn('bound@example.ca', PASSWORD))).json?.sessionToken as string
    const elsewhere = await t.parallel(
      times(10, () =>
        t.json('GET', '/v1/me', undefined, {
          authorization: 'Bearer other-device-token-12345',
          'x-session': token,
        }),
      ),
    )
    expect(tally(elsewhere)).toEqual({ '401 session_expired': 10 })
    expect((await t.send(t.json('GET', '/v1/me', undefined, { 'x-session': token }))).status).toBe(
      200,
    )
  })

  it('sign-out at the same time as reads: afterwards the token is dead for every request', async () => {
    await t.activeAccount('out@example.ca')
    const token = (await t.send(signIn('out@example.ca', PASSWORD))).json?.sessionToken as string
    const session = { 'x-session': token }
    await t.parallel([
      t.json('DELETE', '/v1/sessions/current', undefined, session),
      ...times(9, () => t.json('GET', '/v1/me', undefined, session)),
    ])
    const after = await t.parallel(times(5, () => t.json('GET', '/v1/me', undefined, session)))
    expect(tally(after)).toEqual({ '401 session_expired': 5 })
  })
})

describe('per-device rate limit under parallel requests', () => {
  it('with a limit of 7 a minute, 20 requests at once: exactly 7 pass', async () => {
    await t.close()
    t = await openListeningService({ deviceRequestsPerMinute: 7 })
    const responses = await t.parallel(times(20, () => t.json('GET', '/v1/devices/current')))
    expect(tally(responses)).toEqual({ '200': 7, '429 rate_limited': 13 })
  })
})
