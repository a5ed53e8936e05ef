import type { Clock } from '../clock'

/** Counts requests per key in fixed windows; `take` answers 0 when allowed, else the wait in seconds. */
export interface RateLimiter {
  take(key: string): Promise<number>
}

/**
 * A fixed-window counter per key (per device), in this process's memory: it only has to survive as
 * long as the burst it limits. Right for one instance (SQLite); several instances share theirs in
 * the database (service/domain/request-quota.ts).
 */
export function createRateLimiter(
  clock: Clock,
  maxPerWindow: number,
  windowMs: number,
): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    async take(key) {
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
