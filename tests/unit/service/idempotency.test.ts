import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestService, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('Idempotency-Key', () => {
  it('the same key and body give the first answer again, with one account and one email', async () => {
    await t.invite('alex@example.ca')
    const first = await t.register('alex@example.ca', {}, { 'idempotency-key': 'k-1' })
    const second = await t.register('alex@example.ca', {}, { 'idempotency-key': 'k-1' })
    expect(second).toEqual(first)
    expect(await t.sql.get('SELECT count(*) AS n FROM accounts')).toEqual({ n: 1 })
    expect(await t.outbox('alex@example.ca')).toHaveLength(2) // the invitation and one code
  })

  it('the same key with another body is a 422', async () => {
    await t.invite('alex@example.ca')
    await t.register('alex@example.ca', {}, { 'idempotency-key': 'k-2' })
    const other = await t.register(
      'alex@example.ca',
      { firstName: 'Sam' },
      { 'idempotency-key': 'k-2' },
    )
    expect(other.status).toBe(422)
    expect(other.body.error?.code).toBe('idempotency_conflict')
  })

  it('a key still in flight is a 409', async () => {
    await t.invite('alex@example.ca')
    const [a, b] = await Promise.all([
      t.register('alex@example.ca', {}, { 'idempotency-key': 'k-3' }),
      t.register('alex@example.ca', {}, { 'idempotency-key': 'k-3' }),
    ])
    expect([a.status, b.status].sort()).toEqual([202, 409])
    expect([a, b].find((r) => r.status === 409)?.body.error?.code).toBe('idempotency_in_flight')
  })

  it('a failed request does not burn its key', async () => {
    await t.invite('alex@example.ca')
    expect(
      (await t.register('alex@example.ca', { password: 'weak' }, { 'idempotency-key': 'k-4' }))
        .status,
    ).toBe(422)
    expect(
      (await t.register('alex@example.ca', { password: 'weak' }, { 'idempotency-key': 'k-4' }))
        .status,
    ).toBe(422)
  })

  it('the stored fingerprint holds no fast function of the password; the password is compared through scrypt', async () => {
    await t.invite('alex@example.ca')
    await t.register('alex@example.ca', {}, { 'idempotency-key': 'k-a' })
    await t.register(
      'alex@example.ca',
      { password: 'Autre-Secret#2026!' },
      { 'idempotency-key': 'k-b' },
    )
    const rows = await t.sql.all<{ request_hash: string; secret_hash: string }>(
      'SELECT request_hash, secret_hash FROM idempotency_keys ORDER BY key',
    )
    // Bodies that differ only by their password have one fingerprint: it cannot test passwords.
    expect(rows[0]!.request_hash).toBe(rows[1]!.request_hash)
    expect(rows.map((row) => row.secret_hash)).toEqual([
      expect.stringMatching(/^scrypt\$/),
      expect.stringMatching(/^scrypt\$/),
    ])
    const replay = await t.register(
      'alex@example.ca',
      { password: 'Autre-Secret#2026!' },
      { 'idempotency-key': 'k-a' },
    )
    expect(replay.body.error?.code).toBe('idempotency_conflict')
  })

  it('a stored answer expires after 24 h: the same key is then a new request', async () => {
    await t.invite('alex@example.ca')
    const first = await t.register('alex@example.ca', {}, { 'idempotency-key': 'k-5' })
    t.clock.at += 24 * 3600_000
    const later = await t.register('alex@example.ca', {}, { 'idempotency-key': 'k-5' })
    expect(later.status).toBe(202)
    expect(later.body.registrationId).not.toBe(first.body.registrationId)
  })

  it('the unique email constraint backs it up: two keys, one account', async () => {
    await t.invite('alex@example.ca')
    await Promise.all([
      t.register('alex@example.ca', {}, { 'idempotency-key': 'a' }),
      t.register('alex@example.ca', {}, { 'idempotency-key': 'b' }),
    ])
    expect(await t.sql.get('SELECT count(*) AS n FROM accounts')).toEqual({ n: 1 })
  })
})
