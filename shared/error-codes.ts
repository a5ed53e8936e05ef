// The error codes and field problems as plain data. The schemas are in `errors.ts`; the renderer
// imports this module instead, so that zod is not in what it loads at start (docs/performance.md).

/** Every error code the kiosk, its IPC bridge and the account service can answer with. */
export const errorCodes = [
  // from the account service
  'validation_failed',
  'password_policy',
  'invalid_code',
  'code_expired',
  'too_many_attempts',
  'invalid_credentials',
  'account_not_active',
  'account_locked',
  'rate_limited',
  'link_invalid',
  'link_expired',
  'link_used',
  'unknown_device',
  'unauthorized',
  'session_expired',
  'not_found',
  'idempotency_conflict',
  'idempotency_in_flight',
  'payload_too_large',
  'unsupported_media_type',
  // from the kiosk's HTTP client
  'service_unreachable',
  'timeout',
  'server_error',
  // from the kiosk's main process
  'forbidden_sender',
  'no_pending_flow',
  'keychain_unavailable',
  'staff_locked',
  'staff_pin_wrong',
  'staff_required',
  'too_fast',
  'internal_error',
  // from the account service's counter desk (docs/account-service.md, "Counter desk")
  'not_counter_device',
  'staff_session_expired',
  'forbidden',
  'not_applicable',
  // a correction to an address that already has an active account needs a second confirmation
  'address_has_account',
] as const

export type ErrorCode = (typeof errorCodes)[number]

const known = new Set<string>(errorCodes)
export const isErrorCode = (code: string): code is ErrorCode => known.has(code)

/** Per-field problems, by field name; the value is a short machine code the renderer localizes. */
export const fieldProblems = [
  'required',
  'invalid',
  'too_long',
  'too_short',
  'must_accept',
  'mismatch',
] as const
export type FieldProblem = (typeof fieldProblems)[number]
