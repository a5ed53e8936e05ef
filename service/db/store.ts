import type { Kysely } from 'kysely'
import type { Schema } from './schema'

export type Engine = 'sqlite' | 'postgres'

/** A handle on the tables: the pool itself, or one transaction (service/db/transactions.ts). */
export type Db = Kysely<Schema>

/**
 * The service's storage, on either engine: one typed query API (Kysely) over a SQLite file or a
 * PostgreSQL database. Domain code writes each query once; the few places where the engines
 * differ (locks, the write-ahead log, the shared request quota) ask `engine`.
 */
export interface Store {
  engine: Engine
  db: Db
  /** A file path, or `postgres://host:port/database` without credentials: safe to print. */
  description: string
  /** Runs a script of several statements (a migration) on `db`, a transaction of this store. */
  runScript(db: Db, script: string): Promise<void>
  /**
   * SQLite: copies the write-ahead log into the file and empties it, since the log still holds
   * pages as they were before a body was erased or a row deleted. PostgreSQL: nothing; erased
   * values leave with autovacuum (docs/data-retention.md).
   */
  forgetErasedPages(): Promise<void>
  close(): Promise<void>
}

/** `--db` and `DATABASE_URL` accept a file path or a PostgreSQL URL. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location)
