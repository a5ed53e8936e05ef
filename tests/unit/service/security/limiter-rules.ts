import { describe, expect, it } from 'vitest'
import type { Clock } from '@service/clock'
import type { RateLimiter } from '@service/security/rate-limit'

/** The rules every per-device limiter keeps, in memory (one instance) or shared (several). */
export function limiterRules(
  name: string,
  create: (clock: Clock, maxPerWindow: number, windowMs: number) => Promise<RateLimiter>,
) {
  async function limiter(maxPerWindow = 3, windowMs = 60_000) {
    const clock = { at: 1_000_000, now: () => clock.at }
    return { clock, limit: await create(clock, maxPerWindow, windowMs) }
  }

  describe(name, () => {
    it('allows the window’s share, then answers the seconds until the window resets', async () => {
      const { clock, limit } = await limiter()
      expect([await limit.take('a'), await limit.take('a'), await limit.take('a')]).toEqual([
        0, 0, 0,
      ])
      expect(await limit.take('a')).toBe(60)
      clock.at += 15_500
      expect(await limit.take('a')).toBe(45)
      clock.at += 44_000
      expect(await limit.take('a')).toBe(1)
    })

    it('starts a new window exactly when the old one ends, not a millisecond later', async () => {
      const { clock, limit } = await limiter(1)
      expect(await limit.take('a')).toBe(0)
      clock.at += 59_999
      expect(await limit.take('a')).toBe(1)
      clock.at += 1
      expect(await limit.take('a')).toBe(0)
      expect(await limit.take('a')).toBe(60)
    })

    it('counts each device on its own', async () => {
      const { limit } = await limiter(1)
      expect(await limit.take('a')).toBe(0)
      expect(await limit.take('b')).toBe(0)
      expect(await limit.take('a')).toBe(60)
    })
  })
}
