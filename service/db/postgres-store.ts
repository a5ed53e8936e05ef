import { createHash } from 'node:crypto'
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
 * Each SQL text is parsed and planned once per connection and its prepared statement reused, as
 * better-sqlite3's statements are on SQLite (service/db/sqlite-store.ts): every query is constant
 * text with `$n` parameters, so the statements are as many as the queries in the code. A
 * statement is named by a hash of its text. Scripts without parameters (migrations, several
 * statements) go as they are.
 */
function reuseStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (config: pg.QueryConfig) => Promise<pg.QueryResult>
  const names = new Map<string, string>()
  const nameOf = (text: string) => {
    let name = names.get(text)
    if (!name) {
      name = `q${createHash('sha1').update(text).digest('base64url')}`
      names.set(text, name)
    }
    return name
  }
  client.query = ((text: string | pg.QueryConfig, values?: unknown[]) =>
    typeof text === 'string' && values && values.length > 0
      ? query({ name: nameOf(text), text, values })
      : (query as (text: unknown, values?: unknown[]) => Promise<pg.QueryResult>)(
          text,
          values,
        )) as typeof client.query
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
  pool.on('connect', reuseStatements)
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
