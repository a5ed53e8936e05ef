import type { Page } from '@playwright/test'
import type { EventLog } from '@main/event-log'
import { setupRendererWatchdog, type WatchedContents } from '@main/shell/renderer-watchdog'
import type { HarnessKiosk } from './kiosk-harness'

/**
 * Electron's self-healing, with Chromium pages in place of the window's web contents: the real
 * watchdog and crash guard hear a page's `crash` as `render-process-gone`, wipe, and reload — here
 * by opening a fresh page on the same main (Playwright gives up on a crashed page). Crashes come
 * from the DevTools protocol's `Page.crash`, which kills the renderer process for real.
 */
export function watchRendererLikeElectron(kiosk: HarnessKiosk, log: EventLog) {
  const gone: ((event: unknown, details: { reason: string }) => void)[] = []
  const contents = {
    on(event: string, listener: (...args: never[]) => void) {
      if (event === 'render-process-gone')
        gone.push(listener as (event: unknown, details: { reason: string }) => void)
      return contents
    },
    forcefullyCrashRenderer: () => void crash(kiosk.renderer()),
  } as WatchedContents
  const watch = (page: Page) =>
    page.once('crash', () => {
      for (const listener of gone) listener({}, { reason: 'crashed' })
    })
  let recovered: ((page: Page) => void) | undefined
  setupRendererWatchdog({ on: () => undefined }, contents, {
    log,
    crashGuard: kiosk.core.crashGuard,
    wipeAfterCrash: () => void kiosk.core.wiper.wipe('renderer_crash'),
    reloadWelcome: () =>
      void (async () => {
        const page = await kiosk.renderer().context().newPage()
        watch(page)
        await kiosk.loadRenderer(page)
        recovered?.(page)
      })(),
    showOutOfOrder: () => undefined,
    rendererGoing: () => kiosk.core.events.notReady(),
  })
  watch(kiosk.renderer())

  async function crash(page: Page): Promise<void> {
    const crashed = new Promise((resolve) => page.once('crash', resolve))
    const cdp = await page.context().newCDPSession(page)
    void cdp.send('Page.crash').catch(() => undefined)
    await crashed
  }

  return {
    /** Crashes the renderer now, and resolves once the new one shows Welcome. */
    async crashAndRecover(): Promise<Page> {
      const next = new Promise<Page>((resolve) => (recovered = resolve))
      await crash(kiosk.renderer())
      return next
    },
  }
}
