import { openPostgresStore, type PostgresOptions } from './postgres-store'
import { openSqliteStore } from './sqlite-store'
import { isPostgresUrl, type Store } from './store'

/** A SQLite file path, or a `postgres://` URL (several instances share one PostgreSQL). */
export function openStore(location: string, options: PostgresOptions = {}): Store {
  return isPostgresUrl(location) ? openPostgresStore(location, options) : openSqliteStore(location)
}
