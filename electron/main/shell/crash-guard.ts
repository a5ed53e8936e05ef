/** After this many renderer crashes within the window, stop reloading: show "out of order". */
export const CRASH_LOOP_LIMIT = 5
export const CRASH_LOOP_WINDOW_MS = 5 * 60_000
/** How far back crashes are remembered for the fleet heartbeat ("crashes in the last hour"). */
const CRASH_MEMORY_MS = 60 * 60_000
const BASE_DELAY_MS = 500

export type CrashDecision = { action: 'reload'; delayMs: number } | { action: 'out_of_order' }

/** Self-healing with backoff and a crash-loop cap (docs/product.md, "Kiosk behaviour"). */
export function createCrashGuard(now: () => number = Date.now) {
  let crashes: number[] = []
  const within = (windowMs: number, at: number) => crashes.filter((time) => at - time < windowMs)
  return {
    recordCrash(): CrashDecision {
      const at = now()
      crashes = [...within(CRASH_MEMORY_MS, at), at]
      const recent = within(CRASH_LOOP_WINDOW_MS, at).length
      if (recent >= CRASH_LOOP_LIMIT) return { action: 'out_of_order' }
      return { action: 'reload', delayMs: BASE_DELAY_MS * 2 ** (recent - 1) }
    },
    /** Crashes in the last hour, for IT's fleet table. */
    crashesInLastHour(): number {
      return within(CRASH_MEMORY_MS, now()).length
    },
  }
}

export type CrashGuard = ReturnType<typeof createCrashGuard>
