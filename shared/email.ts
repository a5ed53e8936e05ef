import { z } from 'zod'

export const EMAIL_MAX_LENGTH = 254

/** Addresses are compared trimmed and in lower case; that is how the service stores them. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export const EmailAddress = z
  .string()
  .max(EMAIL_MAX_LENGTH + 64)
  .transform(normalizeEmail)
  .pipe(z.email().max(EMAIL_MAX_LENGTH))

/** `alex.tremblay@example.ca` → `a•••@example.ca`: enough to recognise, too little to harvest. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}
