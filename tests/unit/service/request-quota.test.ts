import { afterAll } from 'vitest'
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
