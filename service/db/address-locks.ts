import { sql } from 'kysely'
import { ADVISORY_LOCKS } from './advisory-locks'
import type { Db, Engine } from './store'

/**
 * The address lock of `lockAddresses` (service/db/transactions.ts), for code that has a
 * transaction's `db` but no service context (the mail queue). On PostgreSQL a transaction-scoped
 * advisory lock per address, in a fixed order (no deadlock between two transactions locking the
 * same two addresses); on SQLite the write transaction already excludes every other writer.
 */
export async function lockAddressesOn(
  engine: Engine,
  db: Db,
  emails: readonly string[],
): Promise<void> {
  if (!db.isTransaction) throw new Error('an address lock is only taken inside a transaction')
  if (engine !== 'postgres') return
  for (const email of [...new Set(emails)].sort())
    await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.addresses}, hashtext(${email}))`.execute(
      db,
    )
}
