import type { Page } from '@playwright/test'
import { createKioskCore, type KioskCoreOptions } from '@main/kiosk-core'
import { routeAppFiles } from './app-server'
import { browserBridgeScript } from './bridge-script'
import { HARNESS_ORIGIN, RENDERER_ROOT } from './paths'

/** What Electron's main would be given; the page stands in for the window. */
export type KioskPageOptions = Omit<
  KioskCoreOptions,
  'appOrigin' | 'sendEvent' | 'clearBrowserData'
>

/**
 * The kiosk as Electron runs it, with Chromium in place of Electron: the built renderer served
 * with the real CSP, `window.kiosk` from the real preload factory, and every call going through
 * the real IPC router and handlers (in this Node process) to the account service. The e2e tests
 * and the preview (`npm start` without the Electron binary) both open the kiosk this way.
 */
export async function openKioskPage(
  page: Page,
  options: KioskPageOptions,
  /** Off when the browser reaches HARNESS_ORIGIN over a socket of its own (`app-server.ts`). */
  { routeFiles = true }: { routeFiles?: boolean } = {},
) {
  /** The page that is the kiosk's renderer now (after a crash, a new one, as Electron reloads). */
  let renderer = page
  const core = createKioskCore({
    ...options,
    appOrigin: HARNESS_ORIGIN,
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
  })

  const invoked: string[] = []
  let rendererReady: () => void = () => undefined
  /**
   * The built renderer in `target`, bridged to this core, as Electron loads its window; loaded
   * when its first heading shows and it has told main it is ready (`app.ready`: its session is
   * listening, main's held events may come), as a person at the kiosk finds it.
   */
  async function loadRenderer(target: Page) {
    renderer = target
    const ready = new Promise<void>((resolve) => (rendererReady = resolve))
    await target.exposeBinding('__kioskInvoke', (source, channel: string, payload: unknown) => {
      invoked.push(channel)
      if (channel === 'app.ready') rendererReady()
      return core.router.dispatch(
        channel,
        { url: source.frame.url(), parent: source.frame.parentFrame() },
        payload,
      )
    })
    await target.addInitScript({ content: browserBridgeScript() })
    if (routeFiles) await routeAppFiles(target, HARNESS_ORIGIN, RENDERER_ROOT)
    await target.goto(`${HARNESS_ORIGIN}/index.html`)
    await target.locator('h1').first().waitFor()
    await ready
  }
  await loadRenderer(page)
  return {
    core,
    /** Every channel the page has called, in order. */
    invoked,
    /** The page that is the renderer now. */
    renderer: () => renderer,
    loadRenderer,
  }
}
