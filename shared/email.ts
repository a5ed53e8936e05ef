import { z } from 'zod'
import { EMAIL_MAX_LENGTH, normalizeEmail, TYPED_EMAIL_MAX_LENGTH } from './email-address'

export { EMAIL_MAX_LENGTH, isEmailAddress, maskEmail, normalizeEmail } from './email-address'

export const EmailAddress = z
  .string()
  .max(TYPED_EMAIL_MAX_LENGTH)
  .transform(normalizeEmail)
  .pipe(z.email().max(EMAIL_MAX_LENGTH))
