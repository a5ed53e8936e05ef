import { z } from 'zod'
import { EmailAddress } from '../email'
import { PrivacyVersion, TermsVersion } from '../legal-documents'
import { Locale } from '../locales'
import { LinkKind, LinkToken } from '../mail-link'
import { PASSWORD_MAX_LENGTH } from '../password-policy'
import { PersonName } from '../person-name'
import { VERIFICATION_CODE_PATTERN } from '../verification-code'

/**
 * The account-service contract (docs/account-service.md): request and response bodies, shared by
 * the reference service and the kiosk's HTTP client. Requests are strict: an unknown field is a
 * 400.
 */
export { PersonName }
/** Long enough for 128 characters of any script, short enough to refuse abuse. */
export const Password = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4)
export const VerificationCode = z.string().regex(VERIFICATION_CODE_PATTERN)
export const IsoDate = z.iso.date()
export const IsoDateTime = z.iso.datetime()

export const Health = z.object({ status: z.literal('ok'), version: z.string() })

export const DocumentInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  issuedOn: IsoDate,
})
export const InvitationRequest = z.strictObject({
  email: EmailAddress,
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
  institution: z.string().trim().min(1).max(200),
  locale: Locale.optional(),
  document: DocumentInput.optional(),
})
export const InvitationCreated = z.object({ invitationId: z.string() })

export const RegistrationRequest = z.strictObject({
  firstName: PersonName,
  lastName: PersonName,
  email: EmailAddress,
  password: Password,
  locale: Locale,
  acceptTerms: z.literal(true),
  acceptPrivacy: z.literal(true),
  /** The versions of the texts the person was shown and accepted (`shared/legal-documents.ts`). */
  termsVersion: TermsVersion,
  privacyVersion: PrivacyVersion,
})
export type RegistrationRequest = z.infer<typeof RegistrationRequest>
export const RegistrationAccepted = z.object({
  registrationId: z.string(),
  maskedEmail: z.string(),
  resendAfterSeconds: z.number().int().nonnegative(),
})
export type RegistrationAccepted = z.infer<typeof RegistrationAccepted>

export const CodeRequest = z.strictObject({ code: VerificationCode })
export const AccountActivated = z.object({ status: z.literal('active') })
export const ResendAccepted = z.object({ resendAfterSeconds: z.number().int().nonnegative() })
export type ResendAccepted = z.infer<typeof ResendAccepted>

export const ActivationRequest = z.strictObject({ token: LinkToken })

export const LinkInfo = z.object({
  kind: LinkKind,
  maskedEmail: z.string(),
  expiresAt: IsoDateTime,
  /** Invitations only: the invited address, so registration can prefill and lock it. */
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
})
export type LinkInfo = z.infer<typeof LinkInfo>

export const SessionRequest = z.strictObject({ email: EmailAddress, password: Password })
export const SessionCreated = z.object({ sessionToken: z.string(), expiresAt: IsoDateTime })
export type SessionCreated = z.infer<typeof SessionCreated>

export const Profile = z.object({
  firstName: z.string(),
  lastName: z.string(),
  maskedEmail: z.string(),
  status: z.enum(['active']),
  locale: Locale,
  createdAt: IsoDateTime,
})
export type Profile = z.infer<typeof Profile>

export const CredentialDocument = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: IsoDate,
})
export type CredentialDocument = z.infer<typeof CredentialDocument>
export const DocumentList = z.object({ documents: z.array(CredentialDocument) })

export const RecoveryRequest = z.strictObject({ email: EmailAddress, locale: Locale })
export const RecoveryAccepted = z.object({
  recoveryId: z.string(),
  resendAfterSeconds: z.number().int().nonnegative(),
})
export type RecoveryAccepted = z.infer<typeof RecoveryAccepted>
export const RecoveryVerified = z.object({
  next: z.enum(['sign_in', 'set_password']),
  resetToken: LinkToken.optional(),
})
export type RecoveryVerified = z.infer<typeof RecoveryVerified>

export const PasswordResetRequest = z.strictObject({ resetToken: LinkToken, newPassword: Password })

export const OutboxMessage = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sentAt: IsoDateTime,
})
export type OutboxMessage = z.infer<typeof OutboxMessage>
export const Outbox = z.array(OutboxMessage)
