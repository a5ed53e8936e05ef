import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

/** The migrated database every PostgreSQL test database is copied from (CREATE DATABASE … TEMPLATE). */
export const TEMPLATE_DATABASE = 'mescertif_template'

export type TestEngine = 'sqlite' | 'postgres'

/**
 * The engine and the number of service instances of this vitest project (vitest.config.ts):
 * SQLite with one instance, PostgreSQL with one, PostgreSQL with two sharing the database.
 */
export const testEngine = (): TestEngine =>
  process.env.MESCERTIF_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'
export const testInstances = (): number => Number(process.env.MESCERTIF_TEST_INSTANCES ?? '1')

/**
 * Where a test service keeps its data: the database, and on PostgreSQL the key file its instances
 * share (on SQLite the service makes `<db>.key` itself, as in production).
 */
export interface TestStorage {
  database: string
  keyFile?: string
}

let admin: pg.Pool | undefined
const created: string[] = []

function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: inject('postgresUrl'), max: 2, allowExitOnIdle: true })
  return admin
}

/**
 * A new database of this project's engine, and a key file beside it: migrated to the current
 * schema (a copy of the template), or with `empty`, holding nothing at all (the migration tests).
 */
export async function freshStorage(options: { empty?: boolean } = {}): Promise<TestStorage> {
  const folder = mkdtempSync(join(tmpdir(), 'svc-'))
  if (testEngine() === 'sqlite') return { database: join(folder, 'test.db') }
  const keyFile = join(folder, 'service.key')
  writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 })
  const name = `t_${randomBytes(8).toString('hex')}`
  const template = options.empty ? 'template0' : TEMPLATE_DATABASE
  await adminPool().query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  created.push(name)
  const url = new URL(inject('postgresUrl'))
  url.pathname = `/${name}`
  return { database: url.toString(), keyFile }
}

/** Drops the databases this test file made (setup file: after all its tests). */
export async function dropCreatedDatabases(): Promise<void> {
  for (const name of created.splice(0))
    await adminPool().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}
