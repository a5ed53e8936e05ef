import { regexes } from 'zod/v4/core'

// Email addresses as plain functions. The schema is in `email.ts`; the renderer imports this module
// instead, so that zod's schemas are not in what it loads at start (docs/performance.md).

export const EMAIL_MAX_LENGTH = 254
/** What is accepted as typed, surrounding spaces included, before normalising. */
export const TYPED_EMAIL_MAX_LENGTH = EMAIL_MAX_LENGTH + 64

/** Addresses are compared trimmed and in lower case; that is how the service stores them. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * Exactly what `EmailAddress` accepts (tests/unit/shared/email-address.test.ts holds them equal):
 * the same lengths and zod's own email pattern, the one `z.email()` checks.
 */
export function isEmailAddress(typed: string): boolean {
  if (typed.length > TYPED_EMAIL_MAX_LENGTH) return false
  const email = normalizeEmail(typed)
  return email.length <= EMAIL_MAX_LENGTH && regexes.email.test(email)
}

/** `alex.tremblay@example.ca` → `a•••@example.ca`: enough to recognise, too little to harvest. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}
