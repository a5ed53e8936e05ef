import { afterAll, describe, expect, it } from 'vitest'
import { migrate } from '@service/db/migrator'
import { openStore } from '@service/db/open-store'
import type { Store } from '@service/db/store'
import { createSharedRateLimiter } from '@service/domain/request-quota'
import { freshStorage, testEngine } from './engines/test-database'
import { limiterRules } from './security/limiter-rules'

const stores: Store[] = []
afterAll(async () => {
  for (const store of stores) await store.close()
})

// The same rules as the in-memory limiter, kept in the database that several instances share.
limiterRules(
  `the per-device rate limiter, shared in the database (${testEngine()})`,
  async (clock, max, windowMs) => {
    const store = openStore((await freshStorage({ empty: true })).database, { poolSize: 2 })
    stores.push(store)
    await migrate(store)
    return createSharedRateLimiter(store.db, clock, max, windowMs)
  },
)

async function sharedQuota(clock: { now: () => number }, max: number, windowMs: number) {
  const store = openStore((await freshStorage({ empty: true })).database, { poolSize: 2 })
  stores.push(store)
  await migrate(store)
  return { store, quota: createSharedRateLimiter(store.db, clock, max, windowMs) }
}

// On PostgreSQL a kiosk's call counts its quota and finds its device in one statement (server.ts):
// the same counting rules, through that statement.
if (testEngine() === 'postgres')
  limiterRules('the shared quota that also finds the device (postgres)', async (clock, max, ms) => {
    const { quota } = await sharedQuota(clock, max, ms)
    return { take: async (key) => (await quota.takeForDevice(key)).retryAfterSeconds }
  })

describe(`the shared quota's device (${testEngine()})`, () => {
  it('names the enabled device the token belongs to, or none', async (context) => {
    context.skip(
      testEngine() !== 'postgres',
      'one statement on PostgreSQL only (SQLite counts in memory)',
    )
    const clock = { now: () => 1_000_000 }
    const { store, quota } = await sharedQuota(clock, 10, 60_000)
    const device = { id: 'a'.repeat(32), name: 'hall-a-1', counter: 0, role_version: 0 }
    for (const [id, name, hash, disabled] of [
      [device.id, device.name, 'hash-enabled', 0],
      ['b'.repeat(32), 'hall-b-1', 'hash-disabled', 1],
    ] as const)
      await store.db
        .insertInto('devices')
        .values({ id, name, token_hash: hash, counter: 0, disabled, created_at: 0 })
        .execute()
    expect(await quota.takeForDevice('hash-enabled')).toEqual({
      retryAfterSeconds: 0,
      device: { ...device, disabled: 0 },
    })
    expect(await quota.takeForDevice('hash-disabled')).toEqual({
      retryAfterSeconds: 0,
      device: null,
    })
    expect(await quota.takeForDevice('hash-unknown')).toEqual({
      retryAfterSeconds: 0,
      device: null,
    })
  })
})
