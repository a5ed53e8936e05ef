import { z } from 'zod'
import { passwordRules } from './password-rules'

export {
  checkCompositionRules,
  compositionRules,
  containsPersonalInfo,
  failedLocalRules,
  normalizePassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
  passwordRules,
  type CompositionRule,
  type PersonalInfo,
} from './password-rules'

/** The schema of a rule name, for the API and IPC contracts; the rules are in `password-rules.ts`. */
export const PasswordRule = z.enum(passwordRules)
export type PasswordRule = z.infer<typeof PasswordRule>
