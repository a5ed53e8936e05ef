import { z } from 'zod'
import { errorCodes, fieldProblems } from './error-codes'
import { PasswordRule } from './password-policy'

export { errorCodes, fieldProblems, isErrorCode } from './error-codes'

export const ErrorCode = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCode>

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
