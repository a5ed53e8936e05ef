import { openBenchKiosk } from '../browser-kiosk'
import { registrationCycle } from '../registration-cycle'
import type { Measure } from '../report'
import { kib, mib, slope } from '../stats'

const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000)
const SAMPLE_EVERY = 100
const WARM_UP = 5
const BAR_200_BYTES = 1024 * 1024

/**
 * Renderer and main heaps after a forced GC, sampled every 100 registrations + wipes over 1,000:
 * the growth at 200 (the bar) and the least-squares slope of all samples (no upward trend).
 */
export const heapMeasure: Measure = {
  name: 'heap',
  async run() {
    const bench = await openBenchKiosk()
    const { page } = bench
    const rendererHeap = async () => {
      await page.evaluate(() => (window as unknown as { gc(): void }).gc())
      return page.evaluate(
        () =>
          (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
      )
    }
    const mainHeap = () => {
      ;(globalThis as { gc?: () => void }).gc?.()
      return process.memoryUsage().heapUsed
    }
    try {
      for (let i = 0; i < WARM_UP; i++) await registrationCycle(bench, -i - 1)
      const samples = [{ cycles: 0, renderer: await rendererHeap(), main: mainHeap() }]
      const start = performance.now()
      for (let i = 1; i <= CYCLES; i++) {
        await registrationCycle(bench, i)
        if (i % SAMPLE_EVERY === 0 || i === CYCLES)
          samples.push({ cycles: i, renderer: await rendererHeap(), main: mainHeap() })
      }
      const seconds = (performance.now() - start) / 1000
      const at = (cycles: number) => samples.find((s) => s.cycles === cycles) ?? samples.at(-1)!
      const first = samples[0]!
      const last = samples.at(-1)!
      const growth200 = at(200).renderer - first.renderer
      // Bytes per 100 cycles, fitted over every sample after the warm start.
      const trend = (side: 'renderer' | 'main') =>
        slope(
          samples.map((s) => s.cycles),
          samples.map((s) => s[side]),
        ) * SAMPLE_EVERY
      const rendererTrend = trend('renderer')
      const mainTrend = trend('main')
      // "No upward trend": what the fitted line adds over the whole run stays under 100 KiB, the
      // size of one Welcome screen's worth of noise between two GCs.
      const trendBar = 100 * 1024
      return {
        json: {
          cycles: CYCLES,
          seconds,
          samples,
          rendererTrendBytesPer100: rendererTrend,
          mainTrendBytesPer100: mainTrend,
        },
        rows: [
          {
            measurement: `renderer JS heap after GC, 200 registrations + wipes`,
            value: `${mib(first.renderer)} → ${mib(at(200).renderer)}`,
            note: `${kib(growth200)} growth`,
            bar: { text: '≤ +1 MiB', met: growth200 <= BAR_200_BYTES },
          },
          {
            measurement: `renderer heap over ${last.cycles} cycles, every ${SAMPLE_EVERY}`,
            value: samples.map((s) => mib(s.renderer).replace(' MiB', '')).join(' · ') + ' MiB',
            note: `slope ${kib(rendererTrend)} per 100 cycles`,
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
