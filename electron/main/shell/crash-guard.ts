/** After this many renderer crashes within the window, stop reloading: show "out of order". */
export const CRASH_LOOP_LIMIT = 5
export const CRASH_LOOP_WINDOW_MS = 5 * 60_000
const BASE_DELAY_MS = 500

export type CrashDecision = { action: 'reload'; delayMs: number } | { action: 'out_of_order' }

/** Self-healing with backoff and a crash-loop cap (docs/product.md, "Kiosk behaviour"). */
export function createCrashGuard(now: () => number = Date.now) {
  let crashes: number[] = []
  return {
    recordCrash(): CrashDecision {
      const at = now()
      crashes = [...crashes.filter((time) => at - time < CRASH_LOOP_WINDOW_MS), at]
      if (crashes.length >= CRASH_LOOP_LIMIT) return { action: 'out_of_order' }
      return { action: 'reload', delayMs: BASE_DELAY_MS * 2 ** (crashes.length - 1) }
    },
  }
}
