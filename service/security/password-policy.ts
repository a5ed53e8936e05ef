import { failedLocalRules, type PasswordRule, type PersonalInfo } from '@shared/password-policy'
import { apiError } from '../errors'
import { isCommonPassword } from './common-passwords'

/**
 * The whole policy of docs/product.md, "Registration"; throws `password_policy` with every failed
 * rule.
 */
export function enforcePasswordPolicy(password: string, person: PersonalInfo): void {
  const failed: PasswordRule[] = failedLocalRules(password, person)
  if (isCommonPassword(password)) failed.push('common')
  if (failed.length > 0) throw apiError(422, 'password_policy', { rules: failed })
}
