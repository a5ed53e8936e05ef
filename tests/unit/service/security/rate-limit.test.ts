import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '@service/security/rate-limit'

function limiter(maxPerWindow = 3, windowMs = 60_000) {
  const clock = { at: 1_000_000, now: () => clock.at }
  return { clock, limit: createRateLimiter(clock, maxPerWindow, windowMs) }
}

describe('the per-device rate limiter', () => {
  it('allows the window’s share, then answers the seconds until the window resets', () => {
    const { clock, limit } = limiter()
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 0])
    expect(limit.take('a')).toBe(60)
    clock.at += 15_500
    expect(limit.take('a')).toBe(45)
    clock.at += 44_000
    expect(limit.take('a')).toBe(1)
  })

  it('starts a new window exactly when the old one ends, not a millisecond later', () => {
    const { clock, limit } = limiter(1)
    expect(limit.take('a')).toBe(0)
    clock.at += 59_999
    expect(limit.take('a')).toBe(1)
    clock.at += 1
    expect(limit.take('a')).toBe(0)
    expect(limit.take('a')).toBe(60)
  })

  it('counts each device on its own', () => {
    const { limit } = limiter(1)
    expect(limit.take('a')).toBe(0)
    expect(limit.take('b')).toBe(0)
    expect(limit.take('a')).toBe(60)
  })
})
