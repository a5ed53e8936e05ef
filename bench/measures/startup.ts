import type { Page } from '@playwright/test'
import { INTERACTIVE_MARK } from '@renderer/start-up'
import { BARE_APP_DIST, BARE_APP_ORIGIN, buildBareApp, serveBareApp } from '../bare-app'
import { type FileServing, openBenchKiosk } from '../browser-kiosk'
import type { Measure } from '../report'
import { interleave, median, ms, ratio, ratioSpread, spread, timed } from '../stats'
import { HARNESS_ORIGIN } from '../../tests/e2e/harness/paths'

const LOADS = 15
const REPEATS = 3
const BAR = 1.2

/**
 * Set before each page's own scripts run: the moment Welcome's title enters the DOM, on the page's
 * clock (milliseconds from the start of its navigation).
 */
const WATCH_TITLE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.getElementById('welcome-title')) return
    window.__welcomeTitleAt = performance.now()
    observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

interface PageTimes {
  titleAt: number
  interactiveAt: number | undefined
}

/** What a loaded page recorded, on its own clock. */
const pageTimes = (page: Page) =>
  page.evaluate(
    (mark): PageTimes => ({
      titleAt: (window as unknown as { __welcomeTitleAt: number }).__welcomeTitleAt,
      interactiveAt: performance.getEntriesByName(mark)[0]?.startTime,
    }),
    INTERACTIVE_MARK,
  )

/** The kiosk against the bare app, loads interleaved, with the files reaching Chromium by `serving`. */
async function loadBoth(serving: FileServing) {
  const bench = await openBenchKiosk({
    serving,
    extraApps: { [BARE_APP_ORIGIN]: BARE_APP_DIST },
  })
  try {
    const barePage = await bench.browser.newPage()
    if (serving === 'intercepted') await serveBareApp(barePage)
    for (const page of [bench.page, barePage]) await page.addInitScript({ content: WATCH_TITLE })
    const driverMs = { kiosk: [] as number[], bare: [] as number[] }
    const readyCalls = () => bench.kiosk.invoked.filter((channel) => channel === 'app.ready').length
    /**
     * One load, then, untimed, the page going quiet (no request for 500 ms): what the kiosk fetches
     * and parses after start-up (afterStartUp) must not land in the next load of the other side,
     * which shares the browser and the two cores.
     */
    const kioskLoad = async () => {
      const before = readyCalls()
      driverMs.kiosk.push(
        await timed(async () => {
          await bench.page.goto(`${HARNESS_ORIGIN}/index.html`)
          // Main's side first: a locator's script in the page would compete with the session.
          while (readyCalls() === before) await new Promise((resolve) => setTimeout(resolve, 1))
          await bench.page.locator('#welcome-title').waitFor()
        }),
      )
      const times = await pageTimes(bench.page)
      await bench.page.waitForLoadState('networkidle')
      if (times.interactiveAt === undefined) throw new Error('the kiosk never marked start-up done')
      return Math.max(times.titleAt, times.interactiveAt)
    }
    const bareLoad = async () => {
      driverMs.bare.push(
        await timed(async () => {
          await barePage.goto(`${BARE_APP_ORIGIN}/index.html`)
          await barePage.locator('#welcome-title').waitFor()
        }),
      )
      const times = await pageTimes(barePage)
      await barePage.waitForLoadState('networkidle')
      return times.titleAt
    }
    await interleave(3, kioskLoad, bareLoad)
    driverMs.kiosk.length = driverMs.bare.length = 0
    const repeats = []
    for (let r = 0; r < REPEATS; r++) {
      const { a: kiosk, b: bare } = await interleave(LOADS, kioskLoad, bareLoad)
      repeats.push({ kioskMedianMs: median(kiosk), bareMedianMs: median(bare) })
    }
    return {
      repeats,
      ratios: spread(repeats.map((r) => r.kioskMedianMs / r.bareMedianMs)),
      kioskMs: median(repeats.map((r) => r.kioskMedianMs)),
      bareMs: median(repeats.map((r) => r.bareMedianMs)),
      driver: { kioskMs: median(driverMs.kiosk), bareMs: median(driverMs.bare) },
    }
  } finally {
    await bench.close()
  }
}

/**
 * Navigation → an interactive Welcome, the kiosk against the bare app, loads interleaved; the ratio
 * of medians per repeat. Timed on each page's own clock, from the start of its navigation: the bare
 * app is interactive when its title is in the DOM (it mounts at once); the kiosk when its title is
 * in the DOM and its session has told main it is ready (the `kiosk:interactive` mark, set as it
 * sends `app.ready`): audio guidance's keys, the scanner and main's events come with the
 * session, just after the first screen. What a Playwright locator adds after the fact (its
 * injected script, its polls, which compete with the page's own work) is left out of both: it is
 * the test driver's time, not the app's (docs/performance.md). The driver's end-to-end time is
 * reported beside it.
 *
 * Run twice. The bar is read with each app's files on a loopback socket behind the real `app://`
 * handler, as Electron answers them in its own process. Beside it, the same loads with the files
 * intercepted by the driver, as the e2e tests serve them: every file there is a round trip over the
 * DevTools protocol, which the kiosk, with a second request on its way to ready, pays twice.
 */
export const startupMeasure: Measure = {
  name: 'startup',
  async run() {
    await buildBareApp()
    const socket = await loadBoth('socket')
    const intercepted = await loadBoth('intercepted')
    const row = (run: typeof socket, how: string, withBar: boolean) => ({
      measurement: `navigation → interactive Welcome (page's clock), ${how}, median of ${LOADS}, ${REPEATS} repeats`,
      value: `${ms(run.kioskMs)} (bare app ${ms(run.bareMs)})`,
      note: ratioSpread(run.ratios),
      ...(withBar ? { bar: { text: `≤ ${ratio(BAR)}`, met: run.ratios.median <= BAR } } : {}),
    })
    return {
      json: {
        loadsPerRepeat: LOADS,
        socket: { repeats: socket.repeats, ratio: socket.ratios, driverMedianMs: socket.driver },
        intercepted: {
          repeats: intercepted.repeats,
          ratio: intercepted.ratios,
          driverMedianMs: intercepted.driver,
        },
      },
      rows: [
        row(socket, 'files from a loopback socket', true),
        {
          measurement: 'the same loads as the test driver sees them (goto, locator, app.ready)',
          value: `${ms(socket.driver.kioskMs)} (bare app ${ms(socket.driver.bareMs)})`,
          note: `${ratio(socket.driver.kioskMs / socket.driver.bareMs)}; includes Playwright's own work in the page`,
        },
        row(intercepted, 'files intercepted by the driver (page.route)', false),
      ],
    }
  },
}
