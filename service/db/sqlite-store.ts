import Database from 'better-sqlite3'
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection } from 'kysely'
import type { Schema } from './schema'
import type { Store } from './store'

/**
 * better-sqlite3 compiles the SQL again on every `prepare`; under load that was a sixth of a
 * request's CPU (docs/performance.md). Each SQL text is compiled once per connection and its
 * statement reused. Every statement is constant text with `?` parameters (values never go into
 * SQL), so the cache is as large as the code. A statement is shared by every caller of the same
 * text: none may switch it into `pluck`, `raw` or `expand` mode (name the columns in SQL instead).
 */
export function reuseStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db)
  const statements = new Map<string, Database.Statement>()
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = compile(sql)
      statements.set(sql, statement)
    }
    return statement
  }) as Database.Database['prepare']
}

/**
 * Transactions start with `BEGIN IMMEDIATE`: a transaction takes the write lock before its first
 * read, so what it read cannot change before it writes, even with another process on the file
 * (a deferred `BEGIN` would fail with SQLITE_BUSY when it tries to write after someone else did).
 * In one process Kysely already runs one transaction at a time on the one connection.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: Database.Database) {
    super({ database })
  }
  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database })
  }
}

/** Opens (or creates) the database file: WAL, foreign keys, durable commits. */
export function openSqliteStore(file: string): Store {
  const raw = new Database(file)
  reuseStatements(raw)
  raw.pragma('journal_mode = WAL')
  // FULL: a 202 is only sent after its row is on disk, even if the machine loses power.
  raw.pragma('synchronous = FULL')
  raw.pragma('foreign_keys = ON')
  // Erased mail bodies and deleted credentials are overwritten, not left in free pages.
  raw.pragma('secure_delete = ON')
  raw.pragma('busy_timeout = 5000')
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect(raw) })
  return {
    engine: 'sqlite',
    db,
    description: file,
    // The script runs on the one connection, which the caller's transaction holds.
    async runScript(_db, script) {
      raw.exec(script)
    },
    async forgetErasedPages() {
      await db.executeQuery(CompiledQuery.raw('PRAGMA wal_checkpoint(TRUNCATE)'))
    },
    close: () => db.destroy(),
  }
}
