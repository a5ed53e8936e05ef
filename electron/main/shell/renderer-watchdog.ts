import type { EventLog } from '../event-log'
import type { createCrashGuard } from './crash-guard'

/** A renderer that stops answering for this long is crashed on purpose, then reloaded. */
export const UNRESPONSIVE_RELOAD_MS = 10_000

export interface WatchedContents {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string }) => void,
  ): unknown
  forcefullyCrashRenderer(): void
}

export interface WatchedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown
}

export interface WatchdogDeps {
  log: EventLog
  crashGuard: ReturnType<typeof createCrashGuard>
  /** The wipe after a crash: the page that held the person's data is gone, the rest must go too. */
  wipeAfterCrash(): void
  reloadWelcome(): void
  showOutOfOrder(): void
  /** Events to the renderer wait until the new page says it is ready. */
  rendererGoing(): void
  timers?: { set: typeof setTimeout; clear: typeof clearTimeout }
}

/**
 * Self-healing (docs/deployment.md): a crashed renderer is wiped and reloaded with backoff, until
 * the crash guard says "out of order"; an unresponsive one is crashed after 10 s (which then
 * reloads it). A renderer that is gone holds events for the next page. So does every page main
 * loads itself (kiosk-window.ts); a navigation the page starts is not a reason: Electron reports it
 * (`did-start-navigation`) before the hardening refuses it (`will-navigate`,
 * shell/browser/electron_navigation_throttle.cc), and a refused one leaves the page where it was,
 * which would never say "ready" again.
 */
export function setupRendererWatchdog(
  window: WatchedWindow,
  contents: WatchedContents,
  deps: WatchdogDeps,
): void {
  const timers = deps.timers ?? { set: setTimeout, clear: clearTimeout }
  contents.on('render-process-gone', (_event, details) => {
    deps.log.error('renderer.gone', { reason: details.reason })
    deps.rendererGoing()
    deps.wipeAfterCrash()
    const decision = deps.crashGuard.recordCrash()
    if (decision.action === 'out_of_order') deps.showOutOfOrder()
    else timers.set(() => deps.reloadWelcome(), decision.delayMs)
  })
  let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined
  window.on('unresponsive', () => {
    deps.log.warn('renderer.unresponsive')
    // Electron can say "unresponsive" again before "responsive": one timer, never two.
    timers.clear(unresponsiveTimer)
    unresponsiveTimer = timers.set(() => contents.forcefullyCrashRenderer(), UNRESPONSIVE_RELOAD_MS)
  })
  window.on('responsive', () => {
    timers.clear(unresponsiveTimer)
    unresponsiveTimer = undefined
  })
}
