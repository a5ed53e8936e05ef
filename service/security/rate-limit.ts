import type { Clock } from '../clock'

/**
 * A fixed-window counter per key (per device). In memory on purpose: it only has to survive as
 * long as the burst it limits.
 */
export function createRateLimiter(clock: Clock, maxPerWindow: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    /** Returns 0 when allowed, else the seconds until the window resets. */
    take(key: string): number {
      const now = clock.now()
      let window = windows.get(key)
      if (!window || now - window.start >= windowMs) {
        window = { start: now, count: 0 }
        windows.set(key, window)
      }
      window.count++
      if (window.count <= maxPerWindow) return 0
      return Math.ceil((window.start + windowMs - now) / 1000)
    },
  }
}
