import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const EMAIL = 'race@example.ca'
const passwordOf = (i: number) => `Mot-de-passe-${i}#Unique`
const count = async (sql: string, ...params: unknown[]) =>
  (await t.sql.get<{ n: number }>(sql, ...params))!.n

/** How many code guesses could still have succeeded: spent on verifications that are not decoys. */
const liveGuessesSpent = async (email: string) =>
  await count(
    "SELECT CAST(coalesce(sum(5 - attempts_left), 0) AS INTEGER) AS n FROM verifications WHERE email = ? AND effect != 'none'",
    email,
  )

describe('one address, many registrations at once', () => {
  it('20 at once: one account, one code, and it activates exactly the password it was mailed for', async () => {
    await t.invite(EMAIL)
    const responses = await t.parallel(
      times(20, (i) =>
        t.json('POST', '/v1/registrations', t.registrationBody(EMAIL, { password: passwordOf(i) })),
      ),
    )
    expect(tally(responses)).toEqual({ '202': 20 })
    const ids = responses.map((r) => r.json?.registrationId as string)
    expect(new Set(ids).size).toBe(20)
    expect(await count('SELECT count(*) AS n FROM accounts WHERE email = ?', EMAIL)).toBe(1)
    expect(await count('SELECT count(*) AS n FROM registration_credentials')).toBe(1)

    const mails = await t.outbox(EMAIL)
    expect(mails.length).toBeLessThanOrEqual(5)
    const codeMails = mails.filter((mail) => mail.kind === 'registrationCode')
    expect(codeMails).toHaveLength(1)
    const code = /^\d{6}$/m.exec(codeMails[0]!.text)![0]

    const { registration_id: realId } = (await t.sql.get<{ registration_id: string }>(
      'SELECT registration_id FROM registration_credentials',
    ))!
    const winner = ids.indexOf(realId)
    const verified = await t.parallel(
      ids.map((id) => t.json('POST', `/v1/registrations/${id}/verify`, { code })),
    )
    // Held registrations: 3 were told by mail (the cap: invitation + code + 3), 16 not mailed at all.
    expect(tally(verified)).toEqual({ '200': 1, '422 invalid_code': 3, '410 code_expired': 16 })
    expect(verified[winner]!.status).toBe(200)

    const signIns = await t.parallel(
      times(10, (i) =>
        t.json('POST', '/v1/sessions', { email: EMAIL, password: passwordOf((winner + i) % 20) }),
      ),
    )
    expect(signIns.map((r) => r.status)).toEqual([200, ...times(9, () => 401)])
  })

  it('registering again and again gives no more guesses than the one code mailed (≤ 5)', async () => {
    await t.invite(EMAIL)
    const ids: string[] = []
    for (let round = 0; round < 4; round++) {
      const wave = await t.parallel(
        times(8, () => t.json('POST', '/v1/registrations', t.registrationBody(EMAIL))),
      )
      ids.push(...wave.map((r) => r.json?.registrationId as string))
      t.clock.at += 61_000
    }
    await t.parallel(
      ids.flatMap((id) =>
        times(2, () => t.json('POST', `/v1/registrations/${id}/verify`, { code: '000000' })),
      ),
    )
    const codeMails = (await t.outbox(EMAIL)).filter(
      (mail) => mail.kind === 'registrationCode',
    ).length
    expect(codeMails).toBe(1)
    expect(await liveGuessesSpent(EMAIL)).toBeLessThanOrEqual(5 * codeMails)
  })

  it('different addresses at once each get their own account and code', async () => {
    const emails = times(12, (i) => `p${i}@example.ca`)
    for (const email of emails) await t.invite(email)
    const responses = await t.parallel(
      emails.map((email) => t.json('POST', '/v1/registrations', t.registrationBody(email))),
    )
    expect(tally(responses)).toEqual({ '202': 12 })
    expect(await count("SELECT count(*) AS n FROM accounts WHERE status = 'pending'")).toBe(12)
    expect(await count('SELECT count(*) AS n FROM registration_credentials')).toBe(12)
  })
})
