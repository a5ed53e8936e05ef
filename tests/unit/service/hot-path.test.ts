import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '@service/db/migrator'
import { ConnectionQueue, openSqliteStore, reuseStatements } from '@service/db/sqlite-store'
import { rawSql } from '../../fixtures/raw-sql'
import { apiError } from '@service/errors'

// What the service's hot path saves per request (docs/performance.md), kept from coming back.
describe('the service hot path', () => {
  it('compiles each SQL text once per SQLite connection and reuses its statement', () => {
    const db = new Database(':memory:')
    reuseStatements(db)
    try {
      db.exec('CREATE TABLE devices (disabled INTEGER)')
      const sql = 'SELECT count(*) AS devices FROM devices WHERE disabled = ?'
      const first = db.prepare(sql)
      expect(db.prepare(sql)).toBe(first)
      expect(db.prepare(sql).get(0)).toEqual({ devices: 0 })
      expect(db.prepare('SELECT 1 AS one')).not.toBe(first)
    } finally {
      db.close()
    }
  })

  it('builds an API error without capturing a stack, and leaves other errors their stacks', () => {
    const error = apiError(404, 'not_found')
    expect(error.stack).toBe('Error: not_found')
    expect(error.body.code).toBe('not_found')
    expect(error.status).toBe(404)
    expect(new Error('a fault').stack).toMatch(/\n\s+at /)
  })

  it('lends the SQLite connection in the order asked, waking only the next at each release', async () => {
    const queue = new ConnectionQueue()
    const woken: number[] = []
    await queue.acquire()
    const waiters = [1, 2, 3].map((n) => queue.acquire().then(() => woken.push(n)))
    await Promise.resolve()
    queue.release()
    await new Promise((settled) => setImmediate(settled))
    expect(woken).toEqual([1])
    queue.release()
    queue.release()
    await Promise.all(waiters)
    expect(woken).toEqual([1, 2, 3])
    queue.release()
    await queue.acquire()
  })

  it('reads an address’s open codes through an index of open codes only, however many ended', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.db'))
    try {
      await migrate(store)
      const plan = await rawSql(store).all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM verifications WHERE email = ? AND purpose = 'recovery'
         AND completed_at IS NULL AND attempts_left > 0 ORDER BY created_at DESC LIMIT 1`,
        'a@example.ca',
      )
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX verifications_open/)
    } finally {
      await store.close()
    }
  })
})
