import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const require = createRequire(import.meta.url)
const AUTOCANNON = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js')

export interface Load {
  url: string
  connections: number
  seconds: number
  headers: Record<string, string>
  body: string
  /** Replace `[<id>]` in the body with a fresh id per request (a new address each time). */
  uniqueIds?: boolean
}

export interface LoadResult {
  latency: { p50: number; p99: number }
  requests: { average: number }
  non2xx: number
  errors: number
}

/**
 * autocannon as its own process, so the load generator and the orchestrating bench do not share
 * an event loop with each other or with the service. One second of warm-up at the same
 * concurrency first: the service's JIT warm-up is not what the bar is about.
 */
export async function generateLoad(load: Load): Promise<LoadResult> {
  const args = [
    AUTOCANNON,
    '--json',
    '--no-progress',
    '--method',
    'POST',
    '--connections',
    String(load.connections),
    '--duration',
    String(load.seconds),
    '--warmup',
    '[',
    '-c',
    String(load.connections),
    '-d',
    '1',
    ']',
    '--body',
    load.body,
    ...Object.entries(load.headers).flatMap(([k, v]) => ['--headers', `${k}=${v}`]),
    ...(load.uniqueIds ? ['--idReplacement'] : []),
    load.url,
  ]
  const { stdout } = await run(process.execPath, args, { maxBuffer: 2 ** 26 })
  // With a warm-up, autocannon prints the warm-up's result first and the measured one last.
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult
}
