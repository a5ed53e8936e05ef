import { VerificationCode } from '@shared/api/schemas'
import type { FieldProblem } from '@shared/errors'

/**
 * A code is the shared rule's six digits. Apart from the other field checks because only the code
 * steps use it: the API schemas it comes with then load with those screens, not at start-up.
 */
export function codeProblem(code: string): FieldProblem | undefined {
  if (!code) return 'required'
  return VerificationCode.safeParse(code).success ? undefined : 'too_short'
}
