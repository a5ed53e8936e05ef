let markStarted: () => void = () => undefined
const started = new Promise<void>((resolve) => (markStarted = resolve))

/**
 * The end of start-up: the session has told main it is ready (or, on a broken config, the page
 * has). Until then the browser's idle moments are the session's fetches and parses, not ours.
 */
export function startUpDone(): void {
  markStarted()
}

/** Work nobody waits for, when the browser is idle after start-up (docs/performance.md). */
export function afterStartUp(work: () => void): void {
  void started.then(() => requestIdleCallback(work))
}
