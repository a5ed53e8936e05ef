import { openBenchKiosk } from '../browser-kiosk'
import { registrationCycle } from '../registration-cycle'
import { rendererHeap } from '../renderer-heap'
import type { Measure } from '../report'
import { kib, mib, slope, slopeStandardError } from '../stats'

const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000)
const SAMPLE_EVERY = 100
/** A first handful of people: every screen's chunk, style and message loaded once. */
const COLD_START = 5
/**
 * Then V8 compiles the hot paths: heap snapshots (`npm run bench:heap-diff`) show +802 KiB of
 * compiled code over cycles 5–100 against +90 KiB of everything else, and +0.5 KiB of code per
 * cycle after. The bars are measured from here; the cold start has its own row.
 */
const WARM_UP = 100
const BAR_200_BYTES = 1024 * 1024

/**
 * Renderer (JS + DOM, `renderer-heap.ts`) and main heaps after a memory-reducing GC, sampled every
 * 100 registrations + wipes over 1,000: the growth at 200 (the bar) and the least-squares slope of
 * all samples (no upward trend).
 */
export const heapMeasure: Measure = {
  name: 'heap',
  async run() {
    const bench = await openBenchKiosk()
    const { page } = bench
    const mainHeap = () => {
      ;(globalThis as { gc?: () => void }).gc?.()
      return process.memoryUsage().heapUsed
    }
    try {
      const sample = async (cycles: number) => {
        const renderer = await rendererHeap(page)
        return { cycles, renderer: renderer.total, rendererJs: renderer.js, main: mainHeap() }
      }
      for (let i = 0; i < COLD_START; i++) await registrationCycle(bench, -i - 1)
      const cold = await sample(-WARM_UP)
      for (let i = COLD_START; i < WARM_UP; i++) await registrationCycle(bench, -i - 1)
      const samples = [await sample(0)]
      const start = performance.now()
      for (let i = 1; i <= CYCLES; i++) {
        await registrationCycle(bench, i)
        if (i % SAMPLE_EVERY === 0 || i === CYCLES) samples.push(await sample(i))
      }
      const seconds = (performance.now() - start) / 1000
      const at = (cycles: number) => samples.find((s) => s.cycles === cycles) ?? samples.at(-1)!
      const first = samples[0]!
      const last = samples.at(-1)!
      const growth200 = at(200).renderer - first.renderer
      // Bytes per 100 cycles, fitted over every sample after the warm-up.
      const trend = (side: 'renderer' | 'main') =>
        slope(
          samples.map((s) => s.cycles),
          samples.map((s) => s[side]),
        ) * SAMPLE_EVERY
      const rendererTrend = trend('renderer')
      const rendererTrendError =
        slopeStandardError(
          samples.map((s) => s.cycles),
          samples.map((s) => s.renderer),
        ) * SAMPLE_EVERY
      const mainTrend = trend('main')
      // "No upward trend": what the fitted line adds over the whole run stays under 100 KiB, the
      // size of one Welcome screen's worth of noise between two GCs.
      const trendBar = 100 * 1024
      return {
        json: {
          cycles: CYCLES,
          warmUp: WARM_UP,
          coldStart: cold,
          seconds,
          samples,
          rendererTrendBytesPer100: rendererTrend,
          rendererTrendStandardErrorBytesPer100: rendererTrendError,
          mainTrendBytesPer100: mainTrend,
        },
        rows: [
          {
            measurement: `renderer heap (JS + DOM) after GC, cold start: cycles ${COLD_START} to ${WARM_UP}`,
            value: `${mib(cold.renderer)} → ${mib(first.renderer)}`,
            note: `${kib(first.renderer - cold.renderer)} (JS ${kib(first.rendererJs - cold.rendererJs)}): V8 compiling the hot paths`,
          },
          {
            measurement: `renderer heap (JS + DOM) after GC, 200 registrations + wipes after the first ${WARM_UP}`,
            value: `${mib(first.renderer)} → ${mib(at(200).renderer)}`,
            note: `${kib(growth200)} growth (JS alone ${kib(at(200).rendererJs - first.rendererJs)})`,
            bar: { text: '≤ +1 MiB', met: growth200 <= BAR_200_BYTES },
          },
          {
            measurement: `renderer heap over the next ${last.cycles} cycles, every ${SAMPLE_EVERY}`,
            value: samples.map((s) => mib(s.renderer).replace(' MiB', '')).join(' · ') + ' MiB',
            note: `slope ${kib(rendererTrend)} per 100 cycles (standard error ${kib(rendererTrendError)})`,
            bar: {
              text: 'no upward trend',
              met: (rendererTrend * last.cycles) / SAMPLE_EVERY <= trendBar,
            },
          },
          {
            measurement: `main-side heap after GC, same cycles (harness process, service included)`,
            value: `${mib(first.main)} → ${mib(last.main)}`,
            note: `slope ${kib(mainTrend)} per 100 cycles; ${(seconds / last.cycles).toFixed(2)} s per cycle`,
          },
        ],
      }
    } finally {
      await bench.close()
    }
  },
}
