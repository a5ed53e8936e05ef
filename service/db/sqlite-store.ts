import { chmodSync, closeSync, existsSync, openSync } from 'node:fs'
import Database from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
} from 'kysely'
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
 * The one connection, lent to one query or transaction at a time, the others served in the order
 * they asked. Kysely's own lock for single-connection dialects wakes every waiter at each release
 * (all but one go back to sleep): with 50 requests in flight that was most of a request's CPU.
 * Here a release hands the connection to the next waiter and wakes no one else.
 */
export class ConnectionQueue {
  #held = false
  readonly #waiting: (() => void)[] = []

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  release(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#held = false
  }
}

/**
 * Serializes the one connection itself (above), and starts transactions with `BEGIN IMMEDIATE`:
 * a transaction takes the write lock before its first read, so what it read cannot change before
 * it writes, even with another process on the file (a deferred `BEGIN` would fail with
 * SQLITE_BUSY when it tries to write after someone else did).
 */
class QueuedSqliteDriver extends SqliteDriver {
  readonly #queue = new ConnectionQueue()

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#queue.acquire()
    return super.acquireConnection()
  }

  override async releaseConnection(): Promise<void> {
    this.#queue.release()
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

/** Tells Kysely not to add its own lock: the driver above queues the connection. */
class QueuedSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

class QueuedSqliteDialect extends SqliteDialect {
  constructor(private readonly database: Database.Database) {
    super({ database })
  }
  override createDriver() {
    return new QueuedSqliteDriver({ database: this.database })
  }
  override createAdapter() {
    return new QueuedSqliteAdapter()
  }
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

/** Opens (or creates) the database file: owner-only, WAL, foreign keys, durable commits. */
export function openSqliteStore(file: string): Store {
  restrictToOwner(file)
  const raw = new Database(file)
  reuseStatements(raw)
  raw.pragma('journal_mode = WAL')
  // FULL: a 202 is only sent after its row is on disk, even if the machine loses power.
  raw.pragma('synchronous = FULL')
  raw.pragma('foreign_keys = ON')
  // Erased mail bodies and deleted credentials are overwritten, not left in free pages.
  raw.pragma('secure_delete = ON')
  raw.pragma('busy_timeout = 5000')
  const db = new Kysely<Schema>({ dialect: new QueuedSqliteDialect(raw) })
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
