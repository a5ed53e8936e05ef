import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { demoConfig } from '@main/config/demo'
import type { KioskConfig } from '@main/config/schema'
import { createEventLog } from '@main/event-log'
import { hashStaffPin } from '@main/staff/pin'
import type { KioskEvent } from '@shared/ipc/events'
import { openKioskPage } from '../../../tools/harness/kiosk-page'
import { COUNTER_DEVICE_TOKEN, DEVICE_TOKEN, type ReferenceService } from './reference-service'

export const HARNESS_STAFF_PIN = '13572468'

/**
 * The kiosk of `tools/harness/kiosk-page.ts` against the test's reference service, with what tests
 * need on top: a log file per test, main's clock movable, quits counted, Playwright's clock.
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
    /** Off when the browser reaches the renderer over a loopback socket (the start-up bench). */
    routeFiles?: boolean
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
  // Playwright's clock drives the idle timer in idle tests; it must be in place before the app runs.
  if (options.fakeClock) await page.clock.install()
  const kioskPage = await openKioskPage(
    page,
    {
      config,
      configSource: '/etc/mescertif-kiosk/config.json',
      ...(options.configProblems ? { configProblems: options.configProblems } : {}),
      demo: true,
      version: '0.0.0-harness',
      // A counter-mode kiosk runs on the service's counter device, any other on its public kiosk.
      deviceToken: config.mode === 'counter' ? COUNTER_DEVICE_TOKEN : DEVICE_TOKEN,
      log: createEventLog({
        write: (level, line) => appendFileSync(options.logFile, `[${level}] ${line}\n`),
      }),
      demoStaffPinHash: await hashStaffPin(HARNESS_STAFF_PIN),
      quit: () => quits.push(Date.now()),
      now: mainClock.now,
      // What Electron reads from the renderer's process metrics, here from the page's own heap.
      rendererMemoryMiB: () =>
        kioskPage
          .renderer()
          .evaluate(
            () => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
          )
          .then((bytes) => (bytes === undefined ? undefined : bytes / 2 ** 20)),
      clientOverrides: { timeoutMs: options.clientTimeoutMs ?? 10_000, retryDelaysMs: [100, 300] },
    },
    { routeFiles: options.routeFiles ?? true },
  )

  const { core, invoked } = kioskPage
  return {
    core,
    config,
    /** The page that is the renderer now. */
    renderer: kioskPage.renderer,
    /** Electron's reload after a crash: a new renderer (a fresh page), the same main. */
    loadRenderer: async (target: Page) => {
      if (options.fakeClock) await target.clock.install()
      await kioskPage.loadRenderer(target)
    },
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
