import { createRateLimiter } from '@service/security/rate-limit'
import { limiterRules } from './limiter-rules'

limiterRules('the per-device rate limiter, in memory', async (clock, max, windowMs) =>
  createRateLimiter(clock, max, windowMs),
)
