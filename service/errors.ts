import type { KioskError } from '@shared/errors'

/**
 * Thrown inside the service; converted once, by the error handler, to `{ error: {...} }`. An
 * answer, not a fault: nothing ever reads its stack (only 5xx are logged, by name), and capturing
 * one cost a fifteenth of a refused request's CPU under load (docs/performance.md).
 */
export class ApiError extends Error {
  readonly status: number
  readonly body: KioskError

  constructor(status: number, body: KioskError) {
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(body.code)
    Error.stackTraceLimit = stackTraceLimit
    this.status = status
    this.body = body
  }
}

const messages: Partial<Record<KioskError['code'], string>> = {
  validation_failed: 'The request is not valid.',
  password_policy: 'The password does not meet the policy.',
  invalid_code: 'The code is not correct.',
  code_expired: 'The code has expired.',
  too_many_attempts: 'Too many wrong codes; request a new code.',
  invalid_credentials: 'The email or password is not correct.',
  account_not_active: 'The account is not activated yet.',
  account_locked: 'The account is locked for a while.',
  rate_limited: 'Too many requests; try again later.',
  link_invalid: 'The link is not valid.',
  link_expired: 'The link has expired.',
  link_used: 'The link was already used.',
  unknown_device: 'This device is not known.',
  unauthorized: 'Not allowed.',
  session_expired: 'The session has expired.',
  not_found: 'Not found.',
  idempotency_conflict: 'This Idempotency-Key was used with another request.',
  idempotency_in_flight: 'A request with this Idempotency-Key is still being processed.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'The request body must be JSON.',
  server_error: 'Something went wrong on our side.',
}

export function apiError(
  status: number,
  code: KioskError['code'],
  extra: Omit<KioskError, 'code'> = {},
): ApiError {
  return new ApiError(status, { code, message: messages[code] ?? code, ...extra })
}
