import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '@service/db/database'
import { apiError } from '@service/errors'

// What the service's hot path saves per request (docs/performance.md), kept from coming back.
describe('the service hot path', () => {
  it('compiles each SQL text once per database and reuses its statement', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'statements-')), 'db.sqlite'))
    try {
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
})
