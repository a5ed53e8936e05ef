import { LATEST_SCHEMA_VERSION, migrate } from '../db/migrator'
import { openStore } from '../db/open-store'

/**
 * `service migrate`: brings the database to this version's schema, one step per transaction
 * under the migration lock, so it is safe beside running instances and a second `migrate`
 * (docs/deployment.md, "Rolling upgrades"). Prints what it did.
 */
export async function migrateCommand(database: string): Promise<string> {
  const store = openStore(database, { poolSize: 1 })
  try {
    const { from, to } = await migrate(store)
    if (to > LATEST_SCHEMA_VERSION)
      return `${store.description}: schema at version ${to}, newer than this service (${LATEST_SCHEMA_VERSION}): nothing to do`
    return from === to
      ? `${store.description}: schema already at version ${to}`
      : `${store.description}: schema migrated from version ${from} to ${to}`
  } finally {
    await store.close()
  }
}
