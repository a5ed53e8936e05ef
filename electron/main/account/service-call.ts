import type { AxiosRequestConfig } from 'axios'
import type { z } from 'zod'
import type { Result } from '@shared/result'

/**
 * `safe`: may be repeated without changing the outcome (GETs, sign-out, registration with its
 * Idempotency-Key): retried on network errors, timeouts and 502/503/504.
 * `once`: a repeat could count twice (a code guess, a sign-in): retried only when the connection
 * was refused, i.e. the request provably never reached the service.
 */
export type RetryPolicy = 'safe' | 'once'

/** One call to the service: a typed result, its retries decided by `policy`. */
export type ServiceCall = <S extends z.ZodType | undefined>(
  config: AxiosRequestConfig,
  policy: RetryPolicy,
  schema: S,
) => Promise<Result<S extends z.ZodType ? z.infer<S> : Record<string, never>>>
