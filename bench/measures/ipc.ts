import axios from 'axios'
import { openBenchKiosk } from '../browser-kiosk'
import type { Measure } from '../report'
import { interleave, median, ms, percentile, ratio, ratioSpread, spread, timed } from '../stats'
import { DEVICE_TOKEN } from '../../tests/e2e/harness/reference-service'

const CALLS = 2000
const REPEATS = 3
const BAR = 1.1

/**
 * `links.submit` through the real router and handler (payload guard, schema checks, link grammar,
 * state, the HTTP client) against a raw axios GET of the same service endpoint, calls interleaved.
 * Electron's own IPC serialisation is not in it: the harness cannot measure it.
 */
export const ipcMeasure: Measure = {
  name: 'ipc',
  async run() {
    const bench = await openBenchKiosk()
    const { service, kiosk } = bench
    try {
      const email = `ipc.${Date.now()}@example.ca`
      await service.invite(email)
      const link = service.lastLink(email, 'invite')
      const token = link.split('/').pop()!
      const frame = { url: 'http://kiosk.test/index.html', parent: null }
      const raw = axios.create({
        baseURL: service.url(),
        headers: { Authorization: `Bearer ${DEVICE_TOKEN}` },
      })
      const viaAxios = () => timed(() => raw.get(`/v1/links/${token}`))
      // One call per human-speed interval of main's clock, so that every call reaches the handler.
      const viaIpc = () =>
        timed(async () => {
          kiosk.mainClock.offsetMs += 5_000
          const result = await kiosk.core.router.dispatch('links.submit', frame, { raw: link })
          // A refused call (too fast, bad sender) would be quicker than the real path.
          if (!result.ok) throw new Error(`links.submit refused: ${result.error.code}`)
        })
      await interleave(200, viaIpc, viaAxios)
      const repeats: Record<'ipcP50Ms' | 'axiosP50Ms' | 'ipcP99Ms' | 'axiosP99Ms', number>[] = []
      for (let r = 0; r < REPEATS; r++) {
        const { a: ipc, b: direct } = await interleave(CALLS, viaIpc, viaAxios)
        repeats.push({
          ipcP50Ms: median(ipc),
          axiosP50Ms: median(direct),
          ipcP99Ms: percentile(ipc, 99),
          axiosP99Ms: percentile(direct, 99),
        })
      }
      const p50 = spread(repeats.map((r) => r.ipcP50Ms / r.axiosP50Ms))
      const p99 = spread(repeats.map((r) => r.ipcP99Ms / r.axiosP99Ms))
      const mid = (key: keyof (typeof repeats)[number]) => median(repeats.map((r) => r[key]))
      return {
        json: { callsPerRepeat: CALLS, repeats, p50Ratio: p50, p99Ratio: p99 },
        rows: [
          {
            measurement: `IPC handler path vs raw axios, same endpoint, ${CALLS} calls × ${REPEATS}, p50`,
            value: `${ms(mid('ipcP50Ms'))} vs ${ms(mid('axiosP50Ms'))}`,
            note: ratioSpread(p50),
            bar: { text: `≤ ${ratio(BAR)}`, met: p50.median <= BAR },
          },
          {
            measurement: 'same, p99',
            value: `${ms(mid('ipcP99Ms'))} vs ${ms(mid('axiosP99Ms'))}`,
            note: ratioSpread(p99),
          },
        ],
      }
    } finally {
      await bench.close()
    }
  },
}
