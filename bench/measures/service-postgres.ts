import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { legalDocuments } from '@shared/legal-documents'
import { migrate } from '@service/db/migrator'
import { openStore } from '@service/db/open-store'
import { findPostgresBin, startPostgresCluster } from '../../tests/fixtures/postgres-cluster'
import { generateLoad, type Load, type LoadResult } from '../load-generator'
import type { Measure, Row } from '../report'
import { launchBenchService } from '../service-process'
import { spread, type Spread } from '../stats'

const CONNECTIONS = 50
const SECONDS = 10
const REPEATS = 3
const BAR_P99_MS = 20
/** Connections each instance may hold (`--pool-size`; docs/deployment.md explains the choice). */
const POOL_SIZE = 10

/**
 * Several instances: one load generator per instance, the connections split between them, run
 * at once. Latency is the worse instance's (percentiles of two runs cannot be merged), throughput
 * the sum.
 */
async function loadAcross(urls: readonly string[], load: Omit<Load, 'url'>): Promise<LoadResult> {
  const results = await Promise.all(
    urls.map((url) =>
      generateLoad({ ...load, url, connections: Math.round(load.connections / urls.length) }),
    ),
  )
  return {
    latency: {
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
    },
    requests: { average: results.reduce((sum, r) => sum + r.requests.average, 0) },
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  }
}

const registration = JSON.stringify({
  firstName: 'Banc',
  lastName: 'Essai',
  email: 'load[<id>]@example.ca',
  password: 'Rivière-Bleue#2026!',
  locale: 'fr-CA',
  acceptTerms: true,
  acceptPrivacy: true,
  termsVersion: legalDocuments.terms.version,
  privacyVersion: legalDocuments.privacy.version,
})

const range = (s: Spread) => `${s.min}–${s.max}`

/** One, then two service processes on one PostgreSQL (a throwaway cluster, durable commits). */
async function measureInstances(count: number, database: string, keyFile: string) {
  const services = await Promise.all(
    Array.from({ length: count }, () =>
      launchBenchService(['--pool-size', String(POOL_SIZE)], { database, keyFile }),
    ),
  )
  const urls = (path: string) => services.map((service) => `${service.url}${path}`)
  const headers = services[0]!.headers
  const at = (path: string, body: unknown) => () =>
    loadAcross(urls(path), {
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers,
      body: JSON.stringify(body),
    })
  const recovery = at('/v1/recovery', { email: 'nobody@example.ca', locale: 'fr-CA' })
  const verify = at(`/v1/registrations/${'0'.repeat(32)}/verify`, { code: '123456' })
  try {
    const runs = {
      recovery: [] as LoadResult[],
      verify: [] as LoadResult[],
      registrations: [] as LoadResult[],
    }
    for (let r = 0; r < REPEATS; r++) {
      runs.recovery.push(await recovery())
      runs.verify.push(await verify())
      runs.registrations.push(
        await loadAcross(urls('/v1/registrations'), {
          connections: 8,
          seconds: SECONDS,
          headers,
          body: registration,
          uniqueIds: true,
        }),
      )
    }
    const summary = (results: LoadResult[]) => ({
      p50Ms: spread(results.map((x) => x.latency.p50)),
      p99Ms: spread(results.map((x) => x.latency.p99)),
      requestsPerSecond: spread(results.map((x) => x.requests.average)),
      errors: results.reduce((sum, x) => sum + x.errors, 0),
    })
    return {
      recovery: summary(runs.recovery),
      verify: summary(runs.verify),
      registrations: summary(runs.registrations),
    }
  } finally {
    for (const service of services) service.stop()
  }
}

/**
 * The service on PostgreSQL: `POST /v1/recovery` and `POST …/verify` at 50 connections, and new
 * registrations per second, with one instance and with two sharing the database — the same loads
 * as the SQLite rows, against a throwaway cluster on this machine with durable commits (fsync).
 */
export const servicePostgresMeasure: Measure = {
  name: 'service-postgres',
  async run() {
    if (!findPostgresBin())
      return {
        json: { skipped: 'PostgreSQL is not installed' },
        rows: [
          {
            measurement: 'service on PostgreSQL',
            value: 'not measured',
            note: 'PostgreSQL is not installed here',
          },
        ],
      }
    const cluster = await startPostgresCluster({ fsync: true })
    const folder = mkdtempSync(join(tmpdir(), 'bench-pg-'))
    const keyFile = join(folder, 'service.key')
    writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 })
    try {
      const admin = openStore(cluster.url, { poolSize: 1 })
      await sql`CREATE DATABASE bench`.execute(admin.db)
      await admin.close()
      const database = cluster.urlOf('bench')
      const store = openStore(database, { poolSize: 1 })
      await migrate(store)
      await store.close()
      const json: Record<string, unknown> = {
        connections: CONNECTIONS,
        seconds: SECONDS,
        poolSize: POOL_SIZE,
      }
      const rows: Row[] = []
      for (const count of [1, 2]) {
        const measured = await measureInstances(count, database, keyFile)
        json[`instances${count}`] = measured
        const who = count === 1 ? 'one instance' : 'two instances'
        for (const [name, s] of [
          ['POST /v1/recovery', measured.recovery],
          ['POST …/verify', measured.verify],
        ] as const)
          rows.push({
            measurement: `service ${name} on PostgreSQL, ${who}, ${CONNECTIONS} connections, ${SECONDS} s × ${REPEATS}`,
            value: `p50 ${s.p50Ms.median} ms, p99 ${s.p99Ms.median} ms (${range(s.p99Ms)})`,
            note: `${s.requestsPerSecond.median.toFixed(0)} req/s`,
            bar: { text: `p99 ≤ ${BAR_P99_MS} ms`, met: s.p99Ms.median <= BAR_P99_MS },
          })
        rows.push({
          measurement: `registrations/s on PostgreSQL, ${who}, 8 connections`,
          value: measured.registrations.requestsPerSecond.median.toFixed(2),
          note: `(${measured.registrations.requestsPerSecond.min.toFixed(2)}–${measured.registrations.requestsPerSecond.max.toFixed(2)}); p99 ${measured.registrations.p99Ms.median} ms`,
        })
      }
      return { json, rows }
    } finally {
      await cluster.stop()
    }
  },
}
