/**
 * The password policy of the seed (14 characters, a special character, a digit, upper and lower
 * case), plus what NIST SP 800-63B / OWASP ASVS 5 add: a long maximum (never truncated), no
 * personal information, no common password. Composition rules are checked live in the kiosk;
 * the service checks all of them again.
 *
 * Plain functions and data; the schema of a rule name is in `password-policy.ts`. The renderer
 * imports this module instead, so that zod is not in what it loads at start (docs/performance.md).
 */
export const PASSWORD_MIN_LENGTH = 14
export const PASSWORD_MAX_LENGTH = 128

export const compositionRules = ['minLength', 'special', 'digit', 'mixedCase'] as const
export const passwordRules = [...compositionRules, 'maxLength', 'personalInfo', 'common'] as const
export type PasswordRule = (typeof passwordRules)[number]
export type CompositionRule = (typeof compositionRules)[number]

/** Passwords are compared in NFKC, as NIST SP 800-63B §5.1.1.2 advises. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC')
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length
}

const ruleTests: Record<CompositionRule, (password: string) => boolean> = {
  minLength: (p) => passwordLength(p) >= PASSWORD_MIN_LENGTH,
  special: (p) => /[^\p{L}\p{N}\s]/u.test(p),
  digit: (p) => /\p{Nd}/u.test(p),
  mixedCase: (p) => /\p{Lu}/u.test(p) && /\p{Ll}/u.test(p),
}

/** Which of the four composition rules the password meets, for the live checklist. */
export function checkCompositionRules(password: string): Record<CompositionRule, boolean> {
  const result = {} as Record<CompositionRule, boolean>
  for (const rule of compositionRules) result[rule] = ruleTests[rule](password)
  return result
}

export interface PersonalInfo {
  email?: string | undefined
  firstName?: string | undefined
  lastName?: string | undefined
}

const foldForComparison = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/** True when the password contains the email's local part or a name (3+ letters, accents ignored). */
export function containsPersonalInfo(password: string, person: PersonalInfo): boolean {
  const folded = foldForComparison(normalizePassword(password))
  const localPart = person.email?.split('@')[0] ?? ''
  const pieces = [
    localPart,
    ...localPart.split(/[._+-]/),
    person.firstName ?? '',
    person.lastName ?? '',
  ]
    .flatMap((piece) => [piece, ...piece.split(/[\s'-]+/)])
    .map(foldForComparison)
    .filter((piece) => piece.length >= 3)
  return pieces.some((piece) => folded.includes(piece))
}

/** Every rule the kiosk can check without the common-password list. */
export function failedLocalRules(password: string, person: PersonalInfo = {}): PasswordRule[] {
  const failed: PasswordRule[] = compositionRules.filter((rule) => !ruleTests[rule](password))
  if (passwordLength(password) > PASSWORD_MAX_LENGTH) failed.push('maxLength')
  if (containsPersonalInfo(password, person)) failed.push('personalInfo')
  return failed
}
