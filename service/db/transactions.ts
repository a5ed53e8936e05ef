import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { ADVISORY_LOCKS, JOBS } from './advisory-locks'
import { lockAddressesOn } from './address-locks'

/**
 * PostgreSQL aborts one of two transactions that deadlock (40P01) or cannot be serialized
 * (40001); the work is then run again from the start. The address locks below make both rare.
 */
const RETRYABLE = new Set(['40001', '40P01'])
const ATTEMPTS = 5

/**
 * Runs `work` in one transaction: its statements commit together or not at all. `work` gets a
 * context whose `db` (and mailer) go through the transaction, and must use only that context.
 * Inside a transaction already, `work` joins it. A transaction holds no lock while it waits for
 * anything but the database: hash passwords and call SMTP before or after it.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx)
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db
        .transaction()
        .execute((db) => work({ ...ctx, db, mailer: ctx.mailer.within(db) }))
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error
    }
  }
}

/**
 * Serializes every transaction that decides something about these addresses: whether a
 * registration is real or held, whether a mail fits the hourly cap, which recovery is current.
 * Such a decision reads several rows (some of which may not exist yet) and then writes, so no
 * single conditional statement can hold it. On PostgreSQL: a transaction-scoped advisory lock per
 * address, taken in a fixed order; on SQLite the transaction already holds the one write lock.
 * Take it first in the transaction, before reading what it guards.
 */
export async function lockAddresses(tx: ServiceContext, ...emails: string[]): Promise<void> {
  await lockAddressesOn(tx.store.engine, tx.db, emails)
}

/**
 * Serializes what changes which tokens name devices: a token's replacement, and a start adding
 * the tokens it was given (a start must not add a token a replacement is retiring). On SQLite the
 * transaction already holds the one write lock.
 */
export async function lockDeviceTokens(tx: ServiceContext): Promise<void> {
  if (tx.store.engine === 'postgres')
    await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.deviceTokens}, 0)`.execute(tx.db)
}

/**
 * Runs a background job in one transaction, one instance at a time: every instance schedules the
 * job, and one that finds another running it waits for it to end, then runs (finding little left
 * to do: a job must be idempotent). On SQLite the write transaction already excludes the others.
 */
export async function oneAtATime<T>(
  ctx: ServiceContext,
  job: keyof typeof JOBS,
  work: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    if (tx.store.engine === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.jobs}, ${JOBS[job]})`.execute(tx.db)
    return work(tx)
  })
}
