import { BARE_APP_ORIGIN, buildBareApp, serveBareApp } from '../bare-app'
import { openBenchKiosk } from '../browser-kiosk'
import type { Measure } from '../report'
import { interleave, median, ms, ratio, ratioSpread, spread, timed } from '../stats'
import { HARNESS_ORIGIN } from '../../tests/e2e/harness/paths'

const LOADS = 15
const REPEATS = 3
const BAR = 1.2

/**
 * Navigation → an interactive Welcome (its title on screen, the app mounted), the kiosk against
 * the bare app, loads interleaved; the ratio of medians per repeat. The kiosk's Welcome counts as
 * interactive only once its session has told main it is ready (`app.ready`): audio guidance's
 * keys, the scanner and main's events come with the session, just after the first screen.
 */
export const startupMeasure: Measure = {
  name: 'startup',
  async run() {
    await buildBareApp()
    const bench = await openBenchKiosk()
    try {
      const barePage = await bench.browser.newPage()
      await serveBareApp(barePage)
      // Each load is followed, untimed, by its page going quiet (no request for 500 ms): what the
      // kiosk fetches and parses after start-up (afterStartUp) must not land in the next load of
      // the other side, which shares the browser and the two cores.
      const settled = async (page: typeof barePage, loadMs: number) => {
        await page.waitForLoadState('networkidle')
        return loadMs
      }
      const load = (page: typeof barePage, url: string) => async () =>
        settled(
          page,
          await timed(async () => {
            await page.goto(url)
            await page.locator('#welcome-title').waitFor()
          }),
        )
      const readyCalls = () =>
        bench.kiosk.invoked.filter((channel) => channel === 'app.ready').length
      const kioskLoad = async () =>
        settled(
          bench.page,
          await timed(async () => {
            const before = readyCalls()
            await bench.page.goto(`${HARNESS_ORIGIN}/index.html`)
            await bench.page.locator('#welcome-title').waitFor()
            while (readyCalls() === before) await new Promise((resolve) => setTimeout(resolve, 1))
          }),
        )
      const bareLoad = load(barePage, `${BARE_APP_ORIGIN}/index.html`)
      await interleave(3, kioskLoad, bareLoad)
      const repeats = []
      for (let r = 0; r < REPEATS; r++) {
        const { a: kiosk, b: bare } = await interleave(LOADS, kioskLoad, bareLoad)
        repeats.push({ kioskMedianMs: median(kiosk), bareMedianMs: median(bare) })
      }
      const ratios = spread(repeats.map((r) => r.kioskMedianMs / r.bareMedianMs))
      const kioskMs = median(repeats.map((r) => r.kioskMedianMs))
      const bareMs = median(repeats.map((r) => r.bareMedianMs))
      return {
        json: { loadsPerRepeat: LOADS, repeats, ratio: ratios },
        rows: [
          {
            measurement: `navigation → interactive Welcome, median of ${LOADS}, ${REPEATS} repeats`,
            value: `${ms(kioskMs)} (bare app ${ms(bareMs)})`,
            note: ratioSpread(ratios),
            bar: { text: `≤ ${ratio(BAR)}`, met: ratios.median <= BAR },
          },
        ],
      }
    } finally {
      await bench.close()
    }
  },
}
