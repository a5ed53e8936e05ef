import { sql } from 'kysely'
import { ADVISORY_LOCKS } from './advisory-locks'
import { migrations, postgresBaseline, type Migration } from './migrations'
import type { Db, Store } from './store'

/** The schema version this code was written for. */
export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version

export class SchemaError extends Error {}

interface AppliedMigration {
  version: number
  runs_with_code_from: number
}

async function createMigrationsTable(db: Db): Promise<void> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'bigint', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('applied_at', 'bigint', (column) => column.notNull())
    .addColumn('runs_with_code_from', 'bigint', (column) => column.notNull())
    .execute()
}

async function hasMigrationsTable(store: Store): Promise<boolean> {
  const found =
    store.engine === 'postgres'
      ? await sql<{ name: string }>`SELECT to_regclass('schema_migrations')::text AS name`.execute(
          store.db,
        )
      : await sql<{
          name: string
        }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`.execute(
          store.db,
        )
  return found.rows.some((row) => row.name !== null)
}

/**
 * SQLite files from before `schema_migrations` (versions 1 to 3) kept their version in
 * `PRAGMA user_version`: those steps are recorded as applied, once, from it.
 */
async function recordLegacySqliteVersion(store: Store, db: Db): Promise<void> {
  if (store.engine !== 'sqlite') return
  const recorded = await db.selectFrom('schema_migrations').select('version').limit(1).execute()
  if (recorded.length > 0) return
  const legacy = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  const version = legacy.rows[0]?.user_version ?? 0
  for (const migration of migrations.filter((step) => step.version <= version))
    await record(db, migration, 0)
}

async function record(
  db: Db,
  step: Pick<Migration, 'version' | 'name' | 'runsWithCodeFrom'>,
  at: number,
) {
  await db
    .insertInto('schema_migrations')
    .values({
      version: step.version,
      name: step.name,
      applied_at: at,
      runs_with_code_from: step.runsWithCodeFrom,
    })
    .execute()
}

async function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  return db
    .selectFrom('schema_migrations')
    .select(['version', 'runs_with_code_from'])
    .orderBy('version')
    .execute()
}

const versionOf = (applied: readonly AppliedMigration[]) => applied.at(-1)?.version ?? 0

/**
 * Applies the next step, if any, in one transaction that first takes the migration lock (an
 * advisory lock on PostgreSQL, the write lock on SQLite): instances or `service migrate` started
 * at once apply each step exactly once. Returns the version reached, or undefined at the end.
 */
async function applyNextStep(store: Store, to: number): Promise<number | undefined> {
  return store.db.transaction().execute(async (db) => {
    if (store.engine === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.migrations}, 0)`.execute(db)
    await createMigrationsTable(db)
    await recordLegacySqliteVersion(store, db)
    const current = versionOf(await appliedMigrations(db))
    if (current >= to) return undefined
    const now = Date.now()
    if (store.engine === 'postgres' && current < postgresBaseline.version) {
      await store.runScript(db, postgresBaseline.sql)
      for (const step of migrations.filter((m) => m.version <= postgresBaseline.version))
        await record(db, step, now)
      return postgresBaseline.version
    }
    const next = migrations.find((step) => step.version === current + 1)
    if (!next) return undefined
    const script = store.engine === 'postgres' ? next.postgres : next.sqlite
    if (script === undefined)
      throw new SchemaError(`migration ${next.version} has no ${store.engine} script`)
    await store.runScript(db, script)
    await record(db, next, now)
    return next.version
  })
}

/**
 * `service migrate`: every step this code knows, in order (or up to `to`: the migration tests
 * build each earlier version this way). Returns the versions before and after.
 */
export async function migrate(
  store: Store,
  target: { to?: number } = {},
): Promise<{ from: number; to: number }> {
  const from = (await schemaVersion(store)).version
  while ((await applyNextStep(store, target.to ?? LATEST_SCHEMA_VERSION)) !== undefined);
  // Read again: another instance may have applied the last steps.
  return { from, to: (await schemaVersion(store)).version }
}

/** The version of the schema in the database (0 for an empty one). */
export async function schemaVersion(
  store: Store,
): Promise<{ version: number; applied: AppliedMigration[] }> {
  if (!(await hasMigrationsTable(store))) {
    if (store.engine === 'postgres') return { version: 0, applied: [] }
    const legacy = await sql<{ user_version: number }>`PRAGMA user_version`.execute(store.db)
    const version = legacy.rows[0]?.user_version ?? 0
    return {
      version,
      applied: migrations
        .filter((step) => step.version <= version)
        .map((step) => ({ version: step.version, runs_with_code_from: step.runsWithCodeFrom })),
    }
  }
  const applied = await appliedMigrations(store.db)
  return { version: versionOf(applied), applied }
}

/**
 * What an instance checks before it serves. A schema newer than this code is refused unless every
 * newer step declared that this code still runs on it (a rolling upgrade: docs/deployment.md).
 * A schema behind this code is migrated on SQLite (one machine: nobody else is running) and refused
 * on PostgreSQL, where `service migrate` is the one explicit step of an upgrade.
 */
export async function prepareSchema(store: Store): Promise<number> {
  const { version, applied } = await schemaVersion(store)
  if (version > LATEST_SCHEMA_VERSION) {
    const needs = Math.max(
      ...applied
        .filter((step) => step.version > LATEST_SCHEMA_VERSION)
        .map((step) => step.runs_with_code_from),
    )
    if (needs > LATEST_SCHEMA_VERSION)
      throw new SchemaError(
        `the database schema is version ${version}, which needs a newer service (this one knows up to ${LATEST_SCHEMA_VERSION})`,
      )
    return version
  }
  if (version === LATEST_SCHEMA_VERSION) return version
  if (store.engine === 'sqlite') return (await migrate(store)).to
  throw new SchemaError(
    `the database schema is version ${version}, this service needs ${LATEST_SCHEMA_VERSION}: run \`service migrate\` first`,
  )
}
