import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateCommand } from '@service/commands/migrate-command'
import {
  LATEST_SCHEMA_VERSION,
  migrate,
  prepareSchema,
  SchemaError,
  schemaVersion,
} from '@service/db/migrator'
import { migrations, postgresBaseline } from '@service/db/migrations'
import { openStore } from '@service/db/open-store'
import type { Store } from '@service/db/store'
import { createService } from '@service/server'
import { rawSql } from '../../fixtures/raw-sql'
import { freshStorage, testEngine, testInstances } from './engines/test-database'
import { ADMIN } from './service-harness'

/** Every table and column, as `table.column`, sorted: what two schemas must share. */
async function columnsOf(store: Store): Promise<string[]> {
  const rows =
    store.engine === 'postgres'
      ? await rawSql(store).all<{ name: string }>(
          `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
           WHERE table_schema = 'public'`,
        )
      : await rawSql(store).all<{ name: string }>(
          `SELECT m.name || '.' || p.name AS name FROM sqlite_master m, pragma_table_info(m.name) p
           WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
        )
  return rows.map((row) => row.name).sort()
}

/** The steps applied, as recorded: each version once. */
const recordedVersions = async (store: Store) =>
  (
    await store.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()
  ).map((row) => row.version)

async function withStore<T>(database: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(database, { poolSize: 2 })
  try {
    return await use(store)
  } finally {
    await store.close()
  }
}

/** SQLite files before `schema_migrations` recorded their version only in `user_version`. */
function legacySqliteFile(file: string, version: number, seed?: (db: Database.Database) => void) {
  const db = new Database(file)
  for (const step of migrations.filter((m) => m.version <= version)) db.exec(step.sqlite)
  db.pragma(`user_version = ${version}`)
  seed?.(db)
  db.close()
}

/** The versions a database of this engine can have been left at by an earlier release. */
const earlierVersions =
  testEngine() === 'sqlite'
    ? migrations.map((step) => step.version - 1)
    : [
        0,
        ...migrations.map((step) => step.version).filter((v) => v >= postgresBaseline.version),
      ].filter((version) => version < LATEST_SCHEMA_VERSION)

describe(`migrations (${testEngine()})`, () => {
  it.each(earlierVersions)(
    'a database at version %i migrates to the latest schema, the same as a new one',
    async (version) => {
      const fresh = await freshStorage({ empty: true })
      const expected = await withStore(fresh.database, async (store) => {
        await migrate(store)
        return columnsOf(store)
      })
      const old = await freshStorage({ empty: true })
      if (testEngine() === 'sqlite' && version <= postgresBaseline.version)
        legacySqliteFile(old.database, version)
      else await withStore(old.database, (store) => migrate(store, { to: version }))
      await withStore(old.database, async (store) => {
        expect((await schemaVersion(store)).version).toBe(version)
        expect(await migrate(store)).toEqual({ from: version, to: LATEST_SCHEMA_VERSION })
        expect(await columnsOf(store)).toEqual(expected)
        // On PostgreSQL, steps 1 to 3 are recorded with the baseline that stands for them.
        expect(await recordedVersions(store)).toEqual(migrations.map((step) => step.version))
        expect(await prepareSchema(store)).toBe(LATEST_SCHEMA_VERSION)
      })
    },
  )

  it('SQLite and PostgreSQL end with the same tables and columns', async (context) => {
    context.skip(testEngine() !== 'postgres', 'compares with SQLite from the PostgreSQL projects')
    const here = await freshStorage({ empty: true })
    const columns = await withStore(here.database, async (store) => {
      await migrate(store)
      return columnsOf(store)
    })
    const sqliteFile = join(mkdtempSync(join(tmpdir(), 'twin-')), 'twin.db')
    const sqliteColumns = await withStore(sqliteFile, async (store) => {
      await migrate(store)
      return columnsOf(store)
    })
    expect(columns).toEqual(sqliteColumns)
  })

  it('a schema newer than this service is refused, unless its steps say this code still runs', async () => {
    const storage = await freshStorage()
    await withStore(storage.database, async (store) => {
      await migrate(store)
      const step = { name: 'from the future', applied_at: 0 }
      await store.db
        .insertInto('schema_migrations')
        .values({
          ...step,
          version: LATEST_SCHEMA_VERSION + 1,
          runs_with_code_from: LATEST_SCHEMA_VERSION,
        })
        .execute()
      // Additive (e.g. a new table): the previous release keeps serving during a rolling upgrade.
      expect(await prepareSchema(store)).toBe(LATEST_SCHEMA_VERSION + 1)
      await store.db
        .insertInto('schema_migrations')
        .values({
          ...step,
          version: LATEST_SCHEMA_VERSION + 2,
          runs_with_code_from: LATEST_SCHEMA_VERSION + 2,
        })
        .execute()
      await expect(prepareSchema(store)).rejects.toThrow(SchemaError)
    })
    await expect(createService({ ...storage, adminToken: ADMIN })).rejects.toThrow(
      /needs a newer service/,
    )
  })

  it('a version-1 SQLite file: old registrations end, sign-in failures stay, fast fingerprints go', async (context) => {
    // PostgreSQL support begins after version 3: no PostgreSQL database ever held version 1.
    context.skip(testEngine() !== 'sqlite', 'version 1 existed only as SQLite files')
    const { database } = await freshStorage({ empty: true })
    legacySqliteFile(database, 1, (db) =>
      db.exec(`
        INSERT INTO accounts (id, email, first_name, last_name, password_hash, locale, status,
          failed_sign_ins, locked_until, created_at)
        VALUES ('p', 'pending@example.ca', 'Alex', 'Roy', 'scrypt$x', 'fr-CA', 'pending', 0, 0, 1),
               ('a', 'active@example.ca', 'Sam', 'Lee', 'scrypt$y', 'en-CA', 'active', 4, 0, 1);
        INSERT INTO verifications (id, purpose, effect, email, account_id, locale, code_hash,
          code_expires_at, attempts_left, last_sent_at, created_at)
        VALUES ('v', 'registration', 'activate', 'pending@example.ca', 'p', 'fr-CA', 'h', 9e12, 5, 1, 1);
        INSERT INTO link_tokens (token_hash, kind, email, account_id, expires_at, created_at)
        VALUES ('t', 'activate', 'pending@example.ca', 'p', 9e12, 1);
        INSERT INTO mails (to_address, subject, text, html, created_at, sent_at)
        VALUES ('pending@example.ca', 's', 'code 123456', '<p>123456</p>', 1, 1);
        INSERT INTO idempotency_keys (device_id, key, request_hash, state, created_at)
        VALUES ('d', 'k', 'sha256-of-a-body-with-a-password', 'done', 1);
        INSERT INTO invitations (id, email, institution, locale, created_at)
        VALUES ('i1', 'pending@example.ca', 'Cégep', 'fr-CA', 1),
               ('i2', 'pending@example.ca', 'Cégep', 'fr-CA', 1);
      `),
    )
    await withStore(database, async (store) => {
      expect(await prepareSchema(store)).toBe(LATEST_SCHEMA_VERSION)
      const db = rawSql(store)
      expect(await db.get("SELECT first_name, password_hash FROM accounts WHERE id = 'p'")).toEqual(
        { first_name: '', password_hash: '' },
      )
      expect(await db.get("SELECT completed_at FROM verifications WHERE id = 'v'")).toEqual({
        completed_at: 1,
      })
      expect(await db.get("SELECT expires_at FROM link_tokens WHERE token_hash = 't'")).toEqual({
        expires_at: 1,
      })
      expect(await db.all('SELECT email, failures, in_flight FROM sign_in_throttle')).toEqual([
        { email: 'active@example.ca', failures: 4, in_flight: 0 },
      ])
      expect(await db.get('SELECT count(*) AS n FROM idempotency_keys')).toEqual({ n: 0 })
      expect(await db.get('SELECT kind, status FROM mails')).toEqual({
        kind: 'unknown',
        status: 'sent',
      })
      // Invitations made in one millisecond keep their order (version 4's `seq`, from rowid).
      expect(await db.all('SELECT id FROM invitations ORDER BY seq')).toEqual([
        { id: 'i1' },
        { id: 'i2' },
      ])
    })
  })

  it('`service migrate` says what it did, and does nothing the second time', async () => {
    const { database } = await freshStorage({ empty: true })
    const where =
      testEngine() === 'postgres'
        ? `postgres://${new URL(database).host}${new URL(database).pathname}`
        : database
    expect(await migrateCommand(database)).toBe(
      `${where}: schema migrated from version 0 to ${LATEST_SCHEMA_VERSION}`,
    )
    expect(await migrateCommand(database)).toBe(
      `${where}: schema already at version ${LATEST_SCHEMA_VERSION}`,
    )
  })

  it('on PostgreSQL an instance refuses a schema behind it: `service migrate` comes first', async (context) => {
    context.skip(
      testEngine() !== 'postgres',
      'on SQLite one machine migrates its own file at start',
    )
    const storage = await freshStorage({ empty: true })
    await expect(createService({ ...storage, adminToken: ADMIN })).rejects.toThrow(
      /run `service migrate` first/,
    )
    await withStore(storage.database, async (store) => {
      expect(await migrate(store)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION })
    })
    const service = await createService({ ...storage, adminToken: ADMIN })
    await service.close()
  })

  it('instances migrating at once apply each step exactly once', async (context) => {
    // Two connections to one SQLite file in one process would wait on each other synchronously;
    // SQLite is one machine, one process (docs/deployment.md).
    context.skip(testEngine() !== 'postgres', 'several instances share PostgreSQL only')
    const storage = await freshStorage({ empty: true })
    const stores = Array.from({ length: 2 * testInstances() }, () =>
      openStore(storage.database, { poolSize: 2 }),
    )
    try {
      const outcomes = await Promise.all(stores.map((store) => migrate(store)))
      expect(outcomes.map((outcome) => outcome.to)).toEqual(stores.map(() => LATEST_SCHEMA_VERSION))
      const versions = await recordedVersions(stores[0]!)
      expect(versions).toEqual([...new Set(versions)])
      expect(versions.at(-1)).toBe(LATEST_SCHEMA_VERSION)
      await sql`SELECT 1`.execute(stores[0]!.db)
    } finally {
      for (const store of stores) await store.close()
    }
  })
})
