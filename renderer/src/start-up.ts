import { kiosk } from './kiosk'

let markStarted: () => void = () => undefined
const started = new Promise<void>((resolve) => (markStarted = resolve))

/**
 * A performance mark at the end of start-up, on the page's own clock: DevTools' timeline shows it,
 * and the start-up bench reads it (bench/measures/startup.ts).
 */
export const INTERACTIVE_MARK = 'kiosk:interactive'

/**
 * The end of start-up: the session has told main it is ready (or, on a broken config, the page
 * has). Until then the browser's idle moments are the session's fetches and parses, not ours.
 */
export function startUpDone(): void {
  if (performance.getEntriesByName(INTERACTIVE_MARK).length === 0)
    performance.mark(INTERACTIVE_MARK)
  markStarted()
}

/**
 * Tells main the page listens, so that the events it held may come, and ends start-up. Told, not
 * answered: nothing here waits for the reply.
 */
export function tellMainReady(): void {
  void kiosk().app.ready()
  startUpDone()
}

/** Work nobody waits for, when the browser is idle after start-up (docs/performance.md). */
export function afterStartUp(work: () => void): void {
  void started.then(() => requestIdleCallback(work))
}
