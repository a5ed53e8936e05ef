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

/** Opens (or creates) the database file: WAL, foreign keys, durable commits, migrated. */
export function openDatabase(file: string): Db {
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
