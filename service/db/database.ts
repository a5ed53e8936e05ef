import { chmodSync, closeSync, existsSync, openSync } from 'node:fs'
import Database from 'better-sqlite3'
import { migrations } from './migrations'

export type Db = Database.Database

/**
 * Copies the write-ahead log into the database file and empties it: until then, the log still
 * holds the pages as they were before a body was erased or a row deleted.
 */
export function forgetErasedPages(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}

/**
 * better-sqlite3 compiles the SQL again on every `prepare`; under load that was a sixth of a
 * request's CPU (docs/performance.md). Each SQL text is compiled once per connection and its
 * statement reused. Every statement is constant text with `?` parameters (values never go into
 * SQL), so the cache is as large as the code. A statement is shared by every caller of the same
 * text: none may switch it into `pluck`, `raw` or `expand` mode (name the columns in SQL instead).
 */
function reuseStatements(db: Db): void {
  const compile = db.prepare.bind(db)
  const statements = new Map<string, Database.Statement>()
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = compile(sql)
      statements.set(sql, statement)
    }
    return statement
  }) as Db['prepare']
}

/**
 * The database holds personal data: only the service's account may read it. SQLite creates its
 * files with 0644 less the umask, and creates `-wal` and `-shm` with the mode of the database
 * file itself (sqlite3 os_unix.c, `findCreateFileMode` and `unixOpenSharedMemory`), so the
 * database file is made 0600 before SQLite opens it, and files left 0644 by an earlier version
 * are narrowed. (On Windows, modes mean nothing: the folder's ACL protects the files.)
 */
function restrictToOwner(file: string): void {
  if (file === ':memory:') return
  closeSync(openSync(file, 'a', 0o600))
  for (const path of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(path)) chmodSync(path, 0o600)
}

/** Opens (or creates) the database file: owner-only, WAL, foreign keys, durable commits, migrated. */
export function openDatabase(file: string): Db {
  restrictToOwner(file)
  const db = new Database(file)
  reuseStatements(db)
  db.pragma('journal_mode = WAL')
  // FULL: a 202 is only sent after its row is on disk, even if the machine loses power.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  // Erased mail bodies and deleted credentials are overwritten, not left in free pages.
  db.pragma('secure_delete = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}
