import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sequentialCodes } from '../service-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService({ newCode: sequentialCodes() })
})
afterEach(() => t.close())

const EMAIL = 'cap@example.ca'
const mailsTo = async (email: string) => (await t.outbox(email)).length

async function pendingRegistration(): Promise<string> {
  await t.invite(EMAIL)
  return (await t.register(EMAIL)).body.registrationId as string
}

describe('resend cooldown (60 s) under parallel requests', () => {
  it('20 resends at once after the cooldown: exactly one new code, one new mail', async () => {
    const id = await pendingRegistration()
    t.clock.at += 60_000
    const before = await mailsTo(EMAIL)
    const responses = await t.parallel(
      times(20, () => t.json('POST', `/v1/registrations/${id}/resend`, {})),
    )
    expect(tally(responses)).toEqual({ '202': 1, '429 rate_limited': 19 })
    expect(await mailsTo(EMAIL)).toBe(before + 1)
  })

  it('20 recovery resends at once: exactly one', async () => {
    await t.activeAccount(EMAIL)
    t.clock.at += 61_000
    const { recoveryId } = (await t.call('POST', '/v1/recovery', { email: EMAIL, locale: 'fr-CA' }))
      .body as { recoveryId: string }
    t.clock.at += 60_000
    const responses = await t.parallel(
      times(20, () => t.json('POST', `/v1/recovery/${recoveryId}/resend`, {})),
    )
    expect(tally(responses)).toEqual({ '202': 1, '429 rate_limited': 19 })
  })
})

describe('at most 5 mails per address per hour, across registrations, resends and recoveries', () => {
  it('waves of parallel registrations, resends and recoveries for an hour: exactly 5 mails', async () => {
    const id = await pendingRegistration()
    // Every wave inside the hour that began with the invitation mail.
    for (let minute = 2; minute <= 58; minute += 2) {
      t.clock.at += 2 * 60_000
      await t.parallel([
        ...times(3, () => t.json('POST', `/v1/registrations/${id}/resend`, {})),
        ...times(3, () => t.json('POST', '/v1/registrations', t.registrationBody(EMAIL))),
        ...times(3, () => t.json('POST', '/v1/recovery', { email: EMAIL, locale: 'fr-CA' })),
      ])
    }
    expect(await mailsTo(EMAIL)).toBe(5)
  })

  it('once the cap is hit, no new verification accepts its code, however many are asked for', async () => {
    await t.activeAccount(EMAIL)
    for (let i = 0; i < 3; i++) {
      t.clock.at += 61_000
      await t.call('POST', '/v1/recovery', { email: EMAIL, locale: 'fr-CA' })
    }
    expect(await mailsTo(EMAIL)).toBe(5)
    t.clock.at += 61_000
    const firstUnmailed = Number(await t.lastCode(EMAIL)) + 1
    const recoveries = await t.parallel(
      times(20, () => t.json('POST', '/v1/recovery', { email: EMAIL, locale: 'fr-CA' })),
    )
    const ids = recoveries.map((r) => r.json?.recoveryId as string)
    // The scripted codes drawn for them follow the last mailed one: try every one on every id.
    const codes = times(20, (i) => String(firstUnmailed + i))
    const guesses = await t.parallel(
      ids.flatMap((id, i) => [t.json('POST', `/v1/recovery/${id}/verify`, { code: codes[i]! })]),
    )
    expect(guesses.filter((r) => r.status === 200)).toHaveLength(0)
    expect(tally(guesses)).toEqual({ '410 code_expired': 20 })
    expect(await mailsTo(EMAIL)).toBe(5)
  })

  it('the same holds for registrations once the cap is hit: their codes never work', async () => {
    await t.invite(EMAIL)
    // The invitation and four recoveries (decoys count: the address has no account yet).
    for (let i = 0; i < 4; i++) {
      t.clock.at += 61_000
      await t.call('POST', '/v1/recovery', { email: EMAIL, locale: 'fr-CA' })
    }
    const registrations = await t.parallel(
      times(10, () => t.json('POST', '/v1/registrations', t.registrationBody(EMAIL))),
    )
    expect(await mailsTo(EMAIL)).toBe(1)
    // Each drew a code, never mailed: all ten codes, tried on all ten registrations, fail.
    const drawn = Number(t.service.ctx.newCode())
    const ids = registrations.map((r) => String(r.json?.registrationId))
    const guesses = await t.parallel(
      ids.flatMap((id) =>
        times(10, (i) =>
          t.json('POST', `/v1/registrations/${id}/verify`, { code: String(drawn - 1 - i) }),
        ),
      ),
    )
    expect(tally(guesses)).toEqual({ '410 code_expired': 100 })
    // An hour later a resend mails a code that works.
    t.clock.at += 60 * 60_000
    const holder = (await t.sql.get<{ registration_id: string }>(
      'SELECT registration_id FROM registration_credentials',
    ))!
    expect(
      (await t.call('POST', `/v1/registrations/${holder.registration_id}/resend`, {})).status,
    ).toBe(202)
    expect(
      (
        await t.call('POST', `/v1/registrations/${holder.registration_id}/verify`, {
          code: await t.lastCode(EMAIL),
        })
      ).status,
    ).toBe(200)
  })
})
