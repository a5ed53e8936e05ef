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
import { COUNTER_DEVICE_TOKEN, DEVICE_TOKEN, type ReferenceService } from './reference-service'

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
  /** The page that is the kiosk's renderer now (a crash replaces it, as Electron reloads one). */
  let renderer = page
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
    // A counter-mode kiosk runs on the service's counter device, any other on its public kiosk.
    deviceToken: config.mode === 'counter' ? COUNTER_DEVICE_TOKEN : DEVICE_TOKEN,
    appOrigin: HARNESS_ORIGIN,
    log: createEventLog({
      write: (level, line) => appendFileSync(options.logFile, `[${level}] ${line}\n`),
    }),
    demoStaffPinHash: await hashStaffPin(HARNESS_STAFF_PIN),
    sendEvent: (event) =>
      void renderer.evaluate((e) => window.__kioskEmit(e), event).catch(() => undefined),
    clearBrowserData: async () => {
      await renderer.context().clearCookies()
      await renderer.evaluate(async () => {
        localStorage.clear()
        sessionStorage.clear()
        for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name)
      })
    },
    quit: () => quits.push(Date.now()),
    now: mainClock.now,
    // What Electron reads from the renderer's process metrics, here from the page's own heap.
    rendererMemoryMiB: () =>
      renderer
        .evaluate(
          () => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
        )
        .then((bytes) => (bytes === undefined ? undefined : bytes / 2 ** 20)),
    clientOverrides: { timeoutMs: options.clientTimeoutMs ?? 10_000, retryDelaysMs: [100, 300] },
  })

  const invoked: string[] = []
  /** The built renderer in `target`, bridged to this core, as Electron loads its window. */
  async function loadRenderer(target: Page) {
    renderer = target
    await target.exposeBinding('__kioskInvoke', (source, channel: string, payload: unknown) => {
      invoked.push(channel)
      return core.router.dispatch(
        channel,
        { url: source.frame.url(), parent: source.frame.parentFrame() },
        payload,
      )
    })
    await target.addInitScript({ path: HARNESS_BUNDLE })
    await target.route(`${HARNESS_ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname
      const response = await serveAppRequest(`app://kiosk${path}`, RENDERER_ROOT)
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: Buffer.from(await response.arrayBuffer()),
      })
    })
    // Playwright's clock drives the idle timer in idle tests; it must be in place before the app runs.
    if (options.fakeClock) await target.clock.install()
    await target.goto(`${HARNESS_ORIGIN}/index.html`)
    await target.locator('h1').first().waitFor()
  }
  await loadRenderer(page)

  return {
    core,
    config,
    /** The page that is the renderer now. */
    renderer: () => renderer,
    /** Electron's reload after a crash: a new renderer (a fresh page), the same main. */
    loadRenderer,
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
