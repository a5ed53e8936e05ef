import { isEmailAddress } from '@shared/email-address'
import type { FieldProblem } from '@shared/error-codes'
import {
  compositionRules,
  failedLocalRules,
  type PasswordRule,
  type PersonalInfo,
} from '@shared/password-rules'

/**
 * The checks the kiosk makes before it sends anything, from the rules in `shared/` that the
 * service applies again: a person hears about a missing field at once, and nothing is sent in vain.
 */
export type FieldProblems<Field extends string> = Partial<Record<Field, FieldProblem>>

export const hasProblems = (problems: FieldProblems<string>) => Object.keys(problems).length > 0

/** The fields whose check found a problem, in the order given (screen order). */
export function problemsOf<Field extends string>(
  checks: Record<Field, FieldProblem | undefined>,
): FieldProblems<Field> {
  const found: FieldProblems<Field> = {}
  for (const field in checks) if (checks[field]) found[field] = checks[field]
  return found
}

export const requiredProblem = (text: string): FieldProblem | undefined =>
  text.trim() ? undefined : 'required'

export function emailProblem(email: string): FieldProblem | undefined {
  if (!email.trim()) return 'required'
  return isEmailAddress(email) ? undefined : 'invalid'
}

export interface PasswordPairProblems {
  fields: FieldProblems<'password' | 'confirm'>
  /** Rules the live checklist cannot tick (name or address inside, too long), found here. */
  hiddenRules: PasswordRule[]
}

/** A new password and its confirmation: set, within the policy, and the same twice. */
export function passwordPairProblems(
  password: string,
  confirm: string,
  person: PersonalInfo,
): PasswordPairProblems {
  const failed = password ? failedLocalRules(password, person) : []
  const passwordProblem = failed.length > 0 ? 'invalid' : undefined
  const confirmProblem = confirm !== password ? 'mismatch' : undefined
  return {
    fields: problemsOf({
      password: password ? passwordProblem : 'required',
      confirm: confirm ? confirmProblem : 'required',
    }),
    hiddenRules: failed.filter((rule) => !(compositionRules as readonly string[]).includes(rule)),
  }
}

/** The pair's problems that may show now: each field's once it was left or the form sent. */
export function shownPairProblems(
  problems: PasswordPairProblems,
  judged: (id: string) => boolean,
  idPrefix: string,
): PasswordPairProblems {
  const passwordJudged = judged(`${idPrefix}-password`)
  return {
    fields: problemsOf({
      password: passwordJudged ? problems.fields.password : undefined,
      confirm: judged(`${idPrefix}-confirm`) ? problems.fields.confirm : undefined,
    }),
    hiddenRules: passwordJudged ? problems.hiddenRules : [],
  }
}
