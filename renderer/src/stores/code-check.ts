import type { FieldProblem } from '@shared/error-codes'
import { VERIFICATION_CODE_PATTERN } from '@shared/verification-code'

/** A code is the shared rule's six digits. */
export function codeProblem(code: string): FieldProblem | undefined {
  if (!code) return 'required'
  return VERIFICATION_CODE_PATTERN.test(code) ? undefined : 'too_short'
}
