import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { demoConfig } from '../../../electron/main/config/demo'
import type { KioskConfig } from '../../../electron/main/config/schema'
import { createEventLog } from '../../../electron/main/event-log'
import { createKioskCore } from '../../../electron/main/kiosk-core'
import { serveAppRequest } from '../../../electron/main/shell/app-protocol'
import { hashStaffPin } from '../../../electron/main/staff/pin'
import type { KioskEvent } from '@shared/ipc/events'
import { HARNESS_BUNDLE, HARNESS_ORIGIN, RENDERER_ROOT } from './paths'
import { DEVICE_TOKEN, type ReferenceService } from './reference-service'

export const HARNESS_STAFF_PIN = '13572468'

/**
 * The kiosk as Electron runs it, with Chromium in place of Electron: the built renderer served
 * with the real CSP, `window.kiosk` from the real preload factory, and every call going through
 * the real IPC router and handlers (in this Node process) to the real service.
 */
export async function startKiosk(
  page: Page,
  service: ReferenceService,
  options: {
    config?: Partial<KioskConfig>
    logFile: string
    clientTimeoutMs?: number
    serviceUrl?: string
    fakeClock?: boolean
    configProblems?: string[]
  },
) {
  mkdirSync(dirname(options.logFile), { recursive: true })
  const mainClock = { offsetMs: 0, now: () => Date.now() + mainClock.offsetMs }
  const quits: number[] = []
  const config: KioskConfig = {
    ...demoConfig(options.serviceUrl ?? service.url()),
    mode: 'kiosk',
    ...options.config,
  }
  const core = createKioskCore({
    config,
    configSource: '/etc/mescertif-kiosk/config.json',
    ...(options.configProblems ? { configProblems: options.configProblems } : {}),
    demo: true,
    version: '0.0.0-harness',
    deviceToken: DEVICE_TOKEN,
    appOrigin: HARNESS_ORIGIN,
    log: createEventLog({
      write: (level, line) => appendFileSync(options.logFile, `[${level}] ${line}\n`),
    }),
    demoStaffPinHash: await hashStaffPin(HARNESS_STAFF_PIN),
    sendEvent: (event) =>
      void page.evaluate((e) => window.__kioskEmit(e), event).catch(() => undefined),
    clearBrowserData: async () => {
      await page.context().clearCookies()
      await page.evaluate(async () => {
        localStorage.clear()
        sessionStorage.clear()
        for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name)
      })
    },
    quit: () => quits.push(Date.now()),
    now: mainClock.now,
    clientOverrides: { timeoutMs: options.clientTimeoutMs ?? 10_000, retryDelaysMs: [100, 300] },
  })

  const invoked: string[] = []
  await page.exposeBinding('__kioskInvoke', (source, channel: string, payload: unknown) => {
    invoked.push(channel)
    return core.router.dispatch(
      channel,
      { url: source.frame.url(), parent: source.frame.parentFrame() },
      payload,
    )
  })
  await page.addInitScript({ path: HARNESS_BUNDLE })
  await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname
    const response = await serveAppRequest(`app://kiosk${path}`, RENDERER_ROOT)
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
  // Playwright's clock drives the idle timer in idle tests; it must be in place before the app runs.
  if (options.fakeClock) await page.clock.install()
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  await page.locator('h1').first().waitFor()

  return {
    core,
    config,
    /** Main's clock (staff lockout, staff idle), movable by tests. */
    mainClock,
    quits,
    /** Every channel the page has called, in order. */
    invoked,
    /** A main → renderer event, as `second-instance` or a wipe would send it. */
    emit: (event: KioskEvent) => core.events.emit(event),
    /** The OS handing a mail link to the app (argv, second-instance, open-url). */
    openMailLink: async (raw: string) => {
      core.intake.handleMailLink(raw)
      await core.intake.idle()
    },
  }
}

export type HarnessKiosk = Awaited<ReturnType<typeof startKiosk>>

export const screenshotPath = (name: string) =>
  resolve(import.meta.dirname, '../../../test-results/screenshots', `${name}.png`)
