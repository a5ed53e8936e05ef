import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { purgeExpiredData } from '@service/retention'
import { openTestService, PASSWORD, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const count = async (table: string, where = '1 = 1') =>
  (await t.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`))!.n
const purge = () => purgeExpiredData(t.service.ctx)

describe('retention rules (docs/data-retention.md)', () => {
  it('a registration never activated: its code, link, password hash and pending account go', async () => {
    await t.invite('gone@example.ca')
    await t.register('gone@example.ca')
    t.clock.at += DAY - MINUTE
    await purge()
    // The activation link still works for a minute: its password hash must stay.
    expect(await count('registration_credentials')).toBe(1)
    t.clock.at += MINUTE
    await purge()
    expect(await count('registration_credentials')).toBe(0)
    t.clock.at += DAY
    await purge()
    expect(await count('verifications')).toBe(0)
    expect(await count('link_tokens', "kind = 'activate'")).toBe(0)
    expect(await count('accounts')).toBe(0)
    expect(await count('invitations')).toBe(1)
  })

  it('used and expired links go a day after they end; live ones stay', async () => {
    await t.activeAccount('links@example.ca')
    await t.invite('live@example.ca')
    t.clock.at += DAY
    await purge()
    expect(await count('link_tokens', "email = 'links@example.ca'")).toBe(0)
    expect(await count('link_tokens', "email = 'live@example.ca'")).toBe(1)
  })

  it('ended sessions go at once: signed out, idle for 15 minutes, or 8 hours old', async () => {
    await t.activeAccount('s@example.ca')
    const signIn = async () =>
      (await t.call('POST', '/v1/sessions', { email: 's@example.ca', password: PASSWORD })).body
        .sessionToken as string
    const signedOut = await signIn()
    await t.call('DELETE', '/v1/sessions/current', undefined, { 'x-session': signedOut })
    await signIn()
    await purge()
    expect(await count('sessions')).toBe(1)
    t.clock.at += 15 * MINUTE
    await purge()
    expect(await count('sessions')).toBe(0)
  })

  it('mail events go after the hour of the cap; mail records after 30 days', async () => {
    await t.invite('m@example.ca')
    t.clock.at += HOUR
    await purge()
    expect(await count('mail_events')).toBe(0)
    expect(await count('mails')).toBe(1)
    t.clock.at += 30 * DAY
    await purge()
    expect(await count('mails')).toBe(0)
  })

  it('stored idempotent answers go after 24 hours', async () => {
    await t.invite('k@example.ca')
    await t.register('k@example.ca', {}, { 'idempotency-key': 'k-1' })
    t.clock.at += DAY - 1
    await purge()
    expect(await count('idempotency_keys')).toBe(1)
    t.clock.at += 1
    await purge()
    expect(await count('idempotency_keys')).toBe(0)
  })

  it('sign-in failures are forgotten after 12 hours, never while locked', async () => {
    await t.call('POST', '/v1/sessions', { email: 'x@example.ca', password: 'Wrong-Pass-2026!' })
    t.clock.at += 12 * HOUR
    await purge()
    expect(await count('sign_in_throttle')).toBe(0)
  })

  it('outside the demo, a mail body left from before is erased', async () => {
    await t.close()
    t = await openTestService({ demo: false })
    // A body an earlier version kept after delivery.
    await t.sql.run(
      `INSERT INTO mails (to_address, kind, subject, text, html, created_at, sent_at, status)
       VALUES ('old@example.ca', 'invitation', 's', 'a link', '<p>a link</p>', 0, 0, 'sent')`,
    )
    const storage = t.storage
    await t.close()
    t = await openTestService({ demo: false }, storage)
    await t.retentionIdle()
    expect(await count('mails', "text != '' OR html != ''")).toBe(0)
  })

  it('a database started with --demo keeps its outbox, even opened later without --demo', async () => {
    await t.close()
    t = await openTestService({ demo: true })
    await t.invite('demo@example.ca')
    const storage = t.storage
    await t.close()
    t = await openTestService({ demo: false }, storage)
    await t.retentionIdle()
    expect(await count('mails', "text != '' AND html != ''")).toBe(1)
  })
})

describe('the retention job', () => {
  it('runs when the service starts', async () => {
    await t.invite('start@example.ca')
    const storage = t.storage
    await t.close()
    t = await openTestService({ clock: { now: () => Date.parse('2027-01-01T00:00:00Z') } }, storage)
    await t.retentionIdle()
    expect(await count('mail_events')).toBe(0)
    expect(await count('mails')).toBe(0)
  })

  it('runs every hour', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      await t.close()
      t = await openTestService()
      await t.invite('hourly@example.ca')
      t.clock.at += HOUR
      expect(await count('mail_events')).toBe(1)
      vi.advanceTimersByTime(HOUR)
      await t.retentionIdle()
      expect(await count('mail_events')).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})
