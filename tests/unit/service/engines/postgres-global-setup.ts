import { sql } from 'kysely'
import type { TestProject } from 'vitest/node'
import { migrate } from '@service/db/migrator'
import { openStore } from '@service/db/open-store'
import { startPostgresCluster, type PostgresCluster } from '../../../fixtures/postgres-cluster'
import { TEMPLATE_DATABASE } from './test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database of the throwaway cluster; tests make their databases through it. */
    postgresUrl: string
  }
}

/**
 * One throwaway cluster for the whole run, shared by the PostgreSQL projects (global setups run in
 * vitest's main process, one per project): the first starts it and makes the migrated template
 * every test database is copied from; the last one's teardown stops it.
 */
interface Shared {
  cluster: Promise<PostgresCluster>
  users: number
}
const registry = globalThis as typeof globalThis & { mescertifTestCluster?: Shared }

async function startWithTemplate(): Promise<PostgresCluster> {
  const cluster = await startPostgresCluster({ fsync: false })
  const admin = openStore(cluster.url, { poolSize: 1 })
  try {
    await sql.raw(`CREATE DATABASE ${TEMPLATE_DATABASE}`).execute(admin.db)
  } finally {
    await admin.close()
  }
  const template = openStore(cluster.urlOf(TEMPLATE_DATABASE), { poolSize: 1 })
  try {
    await migrate(template)
  } finally {
    await template.close()
  }
  return cluster
}

export default async function setup(project: TestProject) {
  registry.mescertifTestCluster ??= { cluster: startWithTemplate(), users: 0 }
  const shared = registry.mescertifTestCluster
  shared.users++
  const cluster = await shared.cluster
  project.provide('postgresUrl', cluster.url)
  return async () => {
    if (--shared.users > 0) return
    registry.mescertifTestCluster = undefined
    await cluster.stop()
  }
}
