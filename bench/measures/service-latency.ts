import { generateLoad, type LoadResult } from '../load-generator'
import type { Measure } from '../report'
import { launchBenchService } from '../service-process'
import { spread, type Spread } from '../stats'

const CONNECTIONS = 50
const SECONDS = 10
const REPEATS = 3
const BAR_P99_MS = 20

/**
 * `POST /v1/recovery` (an address without an account) and `POST …/verify` (a registration that
 * does not exist) at 50 connections, each 10 s, alternating, 3 repeats.
 */
export const serviceLatencyMeasure: Measure = {
  name: 'service',
  async run() {
    const service = await launchBenchService()
    const load = (path: string, body: unknown) => () =>
      generateLoad({
        url: `${service.url}${path}`,
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers: service.headers,
        body: JSON.stringify(body),
      })
    const recovery = load('/v1/recovery', { email: 'nobody@example.ca', locale: 'fr-CA' })
    const verify = load(`/v1/registrations/${'0'.repeat(32)}/verify`, { code: '123456' })
    try {
      const runs = { recovery: [] as LoadResult[], verify: [] as LoadResult[] }
      for (let r = 0; r < REPEATS; r++) {
        runs.recovery.push(await recovery())
        runs.verify.push(await verify())
      }
      const summary = (results: LoadResult[]) => ({
        p50Ms: spread(results.map((x) => x.latency.p50)),
        p99Ms: spread(results.map((x) => x.latency.p99)),
        requestsPerSecond: spread(results.map((x) => x.requests.average)),
        errors: results.reduce((sum, x) => sum + x.errors, 0),
      })
      const row = (name: string, s: ReturnType<typeof summary>) => ({
        measurement: `service ${name}, ${CONNECTIONS} connections, ${SECONDS} s × ${REPEATS}`,
        value: `p50 ${s.p50Ms.median} ms, p99 ${s.p99Ms.median} ms (${range(s.p99Ms)})`,
        note: `${s.requestsPerSecond.median.toFixed(0)} req/s`,
        bar: { text: `p99 ≤ ${BAR_P99_MS} ms`, met: s.p99Ms.median <= BAR_P99_MS },
      })
      const recoverySummary = summary(runs.recovery)
      const verifySummary = summary(runs.verify)
      return {
        json: {
          connections: CONNECTIONS,
          seconds: SECONDS,
          recovery: recoverySummary,
          verify: verifySummary,
        },
        rows: [row('POST /v1/recovery', recoverySummary), row('POST …/verify', verifySummary)],
      }
    } finally {
      service.stop()
    }
  },
}

const range = (s: Spread) => `${s.min}–${s.max}`
