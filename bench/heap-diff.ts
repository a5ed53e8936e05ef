/**
 * Leak or warm-up? Two (or more) renderer heap snapshots around N registration cycles, compared by
 * node type and constructor name, with retainer paths for the objects born between them that
 * survived.
 *
 *   node --expose-gc --import tsx bench/heap-diff.ts
 *
 * Env: HEAP_DIFF_WARMUP (30) cycles before the first snapshot, HEAP_DIFF_CYCLES (150) cycles
 * between snapshots, HEAP_DIFF_ROUNDS (1) how many such intervals (one snapshot after each),
 * HEAP_DIFF_TOP (30) rows printed, HEAP_DIFF_DIR (os tmpdir) where the .heapsnapshot files go,
 * HEAP_DIFF_PATHS (12) how many grown groups get a sample retainer path;
 * HEAP_DIFF_COMPARE=a.heapsnapshot,b.heapsnapshot,cycles compares two saved snapshots, no browser.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBenchKiosk } from './browser-kiosk'
import { takeSnapshot } from './heap/capture'
import { compare } from './heap/compare'
import { kib } from './heap/growth'
import { registrationCycle } from './registration-cycle'
import { rendererHeap } from './renderer-heap'

const WARM_UP = Number(process.env.HEAP_DIFF_WARMUP ?? 30)
const CYCLES = Number(process.env.HEAP_DIFF_CYCLES ?? 150)
const ROUNDS = Number(process.env.HEAP_DIFF_ROUNDS ?? 1)
const TOP = Number(process.env.HEAP_DIFF_TOP ?? 30)
const PATHS = Number(process.env.HEAP_DIFF_PATHS ?? 12)
const DIR = process.env.HEAP_DIFF_DIR ?? tmpdir()

async function main() {
  const bench = await openBenchKiosk()
  const stamp = Date.now()
  const files: string[] = []
  const used: number[] = []
  try {
    let n = 0
    for (let i = 0; i < WARM_UP; i++) await registrationCycle(bench, -++n)
    for (let round = 0; round <= ROUNDS; round++) {
      if (round > 0) {
        const t = performance.now()
        for (let i = 0; i < CYCLES; i++) await registrationCycle(bench, ++n)
        console.log(
          `round ${round}: ${CYCLES} cycles in ${((performance.now() - t) / 1000).toFixed(0)} s`,
        )
      }
      used.push((await rendererHeap(bench.page)).total)
      const file = join(DIR, `heap-diff-${stamp}-${round}.heapsnapshot`)
      await takeSnapshot(bench, file)
      files.push(file)
      console.log(
        `snapshot ${round} after ${WARM_UP + round * CYCLES} cycles: renderer heap ${(used.at(-1)! / 2 ** 20).toFixed(2)} MiB → ${file}`,
      )
    }
  } finally {
    await bench.close()
  }
  console.log(
    `\nrenderer heap (JS + DOM) after a memory-reducing GC: ${used.map((u) => (u / 2 ** 20).toFixed(2)).join(' → ')} MiB (Δ per interval: ${used
      .slice(1)
      .map((u, i) => `${kib(u - used[i]!)}`)
      .join(', ')})`,
  )
  for (let r = 1; r < files.length; r++) {
    console.log(`\n################ snapshot ${r - 1} → ${r} (${CYCLES} cycles)`)
    compare(files[r - 1]!, files[r]!, CYCLES, { top: TOP, paths: PATHS })
  }
}

// HEAP_DIFF_COMPARE=a.heapsnapshot,b.heapsnapshot,cycles: only compare two saved snapshots.
const only = process.env.HEAP_DIFF_COMPARE?.split(',')
if (only) compare(only[0]!, only[1]!, Number(only[2] ?? CYCLES), { top: TOP, paths: PATHS })
else await main()
