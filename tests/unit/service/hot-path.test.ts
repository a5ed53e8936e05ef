import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ConnectionQueue, reuseStatements } from '@service/db/sqlite-store'
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
})
