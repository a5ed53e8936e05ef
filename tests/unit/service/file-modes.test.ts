import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testEngine } from './engines/test-database'
import { openTestService } from './service-harness'

const modeOf = (file: string) => statSync(file).mode & 0o777

describe('files holding personal data are not world-readable (issue 25, rule 11)', () => {
  it.skipIf(process.platform === 'win32')(
    'the database, its -wal and -shm are created 0600, whatever the umask allows',
    async (context) => {
      context.skip(testEngine() !== 'sqlite', "SQLite's files: PostgreSQL's are its server's own")
      const previous = process.umask(0o022)
      const dbFile = join(mkdtempSync(join(tmpdir(), 'modes-')), 'service.db')
      const t = await openTestService({}, { database: dbFile })
      try {
        await t.activeAccount('alex@example.ca')
        for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}.key`]) {
          expect(existsSync(file), file).toBe(true)
          expect(modeOf(file).toString(8), file).toBe('600')
        }
      } finally {
        await t.close()
        process.umask(previous)
      }
    },
  )

  it.skipIf(process.platform === 'win32')(
    'a database an earlier version left 0644 is narrowed to 0600 when the service opens it',
    async (context) => {
      context.skip(testEngine() !== 'sqlite', "SQLite's files: PostgreSQL's are its server's own")
      const dbFile = join(mkdtempSync(join(tmpdir(), 'modes-')), 'service.db')
      const first = await openTestService({}, { database: dbFile })
      await first.close()
      chmodSync(dbFile, 0o644)
      writeFileSync(`${dbFile}-wal`, '', { mode: 0o644 })
      chmodSync(`${dbFile}-wal`, 0o644)
      const again = await openTestService({}, { database: dbFile })
      try {
        expect(modeOf(dbFile).toString(8)).toBe('600')
        expect(modeOf(`${dbFile}-wal`).toString(8)).toBe('600')
      } finally {
        await again.close()
      }
    },
  )
})
