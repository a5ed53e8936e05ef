import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Schema } from './schema'
import type { Store } from './store'

/** BIGINT (times in milliseconds, counts) comes back as a number, as SQLite gives it. */
const INT8_OID = 20
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
}

export interface PostgresOptions {
  /** Connections this instance may hold (docs/deployment.md, "More than one machine"). */
  poolSize?: number
}

/** The URL without user, password or parameters: what a log or an error may show. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `postgres://${parsed.host}${parsed.pathname}`
  } catch {
    return 'postgres://(unparsable URL)'
  }
}

/**
 * A pool of connections to PostgreSQL (node-postgres). TLS, host, user and database come from the
 * URL as libpq reads them (`sslmode=verify-full&sslrootcert=…`, docs/deployment.md).
 */
export function openPostgresStore(url: string, options: PostgresOptions = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    application_name: 'mescertif-service',
    // A request waits at most this long for a connection, then fails instead of hanging.
    connectionTimeoutMillis: 10_000,
  })
  // An idle connection the server closed (a restart, a failover) is dropped and replaced; without
  // a listener node-postgres would end the process. Only the error's name reaches the log.
  pool.on('error', (error) => console.error(`database connection lost: ${error.name}`))
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) })
  return {
    engine: 'postgres',
    db,
    description: describePostgresUrl(url),
    async runScript(transaction, script) {
      await sql.raw(script).execute(transaction)
    },
    async forgetErasedPages() {},
    close: () => db.destroy(),
  }
}
