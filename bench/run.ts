/**
 * `npm run bench`: the measurements of docs/product.md ("Quality bars"), one module per measure
 * under bench/measures/, printed as a table and written as JSON under bench/results/. Not part of
 * `npm test`: timings depend on the machine. `BENCH_ONLY=startup,ipc` runs some measures only.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { currentLoad, describeMachine } from './machine'
import { bundleMeasure } from './measures/bundle'
import { heapMeasure } from './measures/heap'
import { ipcMeasure } from './measures/ipc'
import { recoveryTimingMeasure } from './measures/recovery-timing'
import { registrationsMeasure } from './measures/registrations'
import { serviceLatencyMeasure } from './measures/service-latency'
import { servicePostgresMeasure } from './measures/service-postgres'
import { startupMeasure } from './measures/startup'
import { markdownTable, type Row } from './report'

const RESULTS = resolve(import.meta.dirname, 'results')
const measures = [
  bundleMeasure,
  startupMeasure,
  heapMeasure,
  ipcMeasure,
  serviceLatencyMeasure,
  registrationsMeasure,
  servicePostgresMeasure,
  recoveryTimingMeasure,
]

async function main() {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim())
  const selected = measures.filter((m) => !only || only.includes(m.name))
  if (selected.length === 0)
    throw new Error(`BENCH_ONLY names no measure: ${measures.map((m) => m.name).join(', ')}`)
  const machine = describeMachine()
  const results: Record<string, unknown> = { date: new Date().toISOString(), machine }
  const rows: Row[] = []
  const started = performance.now()
  for (const measure of selected) {
    const loadBefore = currentLoad()
    const start = performance.now()
    console.log(`${measure.name}… (load ${loadBefore})`)
    const outcome = await measure.run()
    const seconds = Math.round((performance.now() - start) / 1000)
    results[measure.name] = {
      ...outcome.json,
      seconds,
      load: { before: loadBefore, after: currentLoad() },
    }
    rows.push(...outcome.rows)
    console.log(`${measure.name}: ${seconds} s, load ${currentLoad()}`)
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1)
  mkdirSync(RESULTS, { recursive: true })
  const json = `${JSON.stringify(results, null, 2)}\n`
  const file = join(RESULTS, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, json)
  writeFileSync(join(RESULTS, 'latest.json'), json)
  console.log(
    `\n${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.chromium}; ` +
      `${minutes} min; 1-minute load per measure in ${file}\n`,
  )
  console.log(markdownTable(rows))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
