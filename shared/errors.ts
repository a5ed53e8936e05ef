import { z } from 'zod'
import { PasswordRule } from './password-policy'

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
] as const

export const ErrorCode = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCode>

/** Per-field problems, by field name; the value is a short machine code the renderer localizes. */
export const fieldProblems = [
  'required',
  'invalid',
  'too_long',
  'too_short',
  'must_accept',
  'mismatch',
] as const
export const FieldProblem = z.enum(fieldProblems)
export type FieldProblem = z.infer<typeof FieldProblem>

export const KioskError = z.strictObject({
  code: ErrorCode,
  message: z.string().max(500).optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  attemptsLeft: z.number().int().nonnegative().optional(),
  fields: z.record(z.string().max(64), FieldProblem).optional(),
  rules: z.array(PasswordRule).optional(),
})
export type KioskError = z.infer<typeof KioskError>

/** The service's error body: `{ error: { code, message, ... } }`. */
export const ErrorBody = z.object({ error: KioskError })
export type ErrorBody = z.infer<typeof ErrorBody>
