import { z } from 'zod'
import { EmailAddress } from '../email'
import { legalDocumentNames, type LegalDocument } from '../legal-documents'
import { Locale } from '../locales'
import { PersonName } from '../person-name'
import { consoleAuditActions } from './console/audit-actions'
import { IsoDate, IsoDateTime, Password } from './schemas'

/**
 * The counter desk's contract (docs/account-service.md, "Counter desk"): named staff accounts,
 * their sessions on counter devices, the look-up of one student by exact address, the actions
 * staff take for them, and the audit that records each. Requests are strict.
 */

/** What IT prints with `service staff add`: 12 letters and digits, shown as `XXXX-XXXX-XXXX`. */
export const ENROLMENT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const ENROLMENT_CODE_LENGTH = 12
/** Typed by hand: case, spaces and dashes do not matter. */
export const EnrolmentCode = z
  .string()
  .max(40)
  .transform((code) => code.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{${ENROLMENT_CODE_LENGTH}}$`)))

export const StaffName = z.string().trim().min(1).max(120)

export const StaffEnrolmentRequest = z.strictObject({
  email: EmailAddress,
  code: EnrolmentCode,
  password: Password,
})

export const StaffSignInRequest = z.strictObject({ email: EmailAddress, password: Password })
export const StaffSessionCreated = z.object({
  staffSessionToken: z.string(),
  expiresAt: IsoDateTime,
  name: z.string(),
})
export type StaffSessionCreated = z.infer<typeof StaffSessionCreated>

export const StudentLookupRequest = z.strictObject({ email: EmailAddress })
/** An invitation's id, as the record shows it: a correction names the one it moves. */
export const InvitationId = z.string().regex(/^[0-9a-f]{32}$/)

/**
 * Corrects one invitation's address, chosen by staff (an address can hold one graduate's own
 * invitation and another's mistyped one). When the new address already has an active account,
 * the document lands in it at once: the service refuses with `address_has_account` unless staff
 * confirm a second time (`confirmActiveAccount`).
 */
export const CorrectAddressRequest = z.strictObject({
  email: EmailAddress,
  invitationId: InvitationId,
  newEmail: EmailAddress,
  confirmActiveAccount: z.literal(true).optional(),
})

export const InvitationState = z.enum(['open', 'accepted', 'expired', 'revoked'])
export const StudentInvitation = z.object({
  id: InvitationId,
  /** The names the institution invited: what tells two invitations of one address apart. */
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  institution: z.string(),
  document: z.object({ title: z.string(), issuedOn: IsoDate }).optional(),
  invitedAt: IsoDateTime,
  expiresAt: IsoDateTime,
  state: InvitationState,
})

export const AccountState = z.enum(['none', 'pending', 'active'])
export const StudentAccount = z.object({
  state: AccountState,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  locale: Locale.optional(),
  createdAt: IsoDateTime.optional(),
  activatedAt: IsoDateTime.optional(),
  lastSignInAt: IsoDateTime.optional(),
  /** Sign-in failures counted now (the tenth locks), and the end of a lock in force. */
  signInFailures: z.number().int().nonnegative(),
  lockedUntil: IsoDateTime.optional(),
  /**
   * A registration's password waits for its address to be confirmed: an activation mail can
   * finish it, even once the registration's own code has expired. False once it ended.
   */
  activatable: z.boolean(),
})

/** A registration that holds the address while its code works (docs/account-service.md). */
export const WaitingRegistration = z.object({
  codeSentAt: IsoDateTime,
  codeExpiresAt: IsoDateTime,
})

export const MailStatus = z.enum(['queued', 'sent', 'failed', 'dropped'])
export const StudentMail = z.object({
  kind: z.string(),
  createdAt: IsoDateTime,
  status: MailStatus,
})

export const StudentConsent = z.object({
  document: z.enum(legalDocumentNames as [LegalDocument, ...LegalDocument[]]),
  version: z.string(),
  locale: Locale,
  device: z.string(),
  acceptedAt: IsoDateTime,
})

/** What staff see of one address: never a password, hash, code or token, nor a mail's body. */
export const StudentRecord = z.object({
  email: z.string(),
  invitations: z.array(StudentInvitation),
  account: StudentAccount,
  waitingRegistration: WaitingRegistration.optional(),
  mails: z.array(StudentMail),
  consents: z.array(StudentConsent),
})
export type StudentRecord = z.infer<typeof StudentRecord>

export const SentMailKind = z.enum(['invitation', 'activation', 'reset'])
export const StaffActionDone = z.object({
  record: StudentRecord,
  /** The mail the action sent, if any. */
  sent: SentMailKind.optional(),
})
export type StaffActionDone = z.infer<typeof StaffActionDone>

/** Hand-over: the staff session has ended; the student registers with this address locked. */
export const HandoverAccepted = z.object({
  email: z.string(),
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
})
export type HandoverAccepted = z.infer<typeof HandoverAccepted>

export const staffAuditActions = [
  'enrol',
  'sign_in',
  'sign_out',
  'lookup',
  'resend_invitation',
  'correct_address',
  'send_recovery_mail',
  'lift_lock',
  'end_waiting_registration',
  'start_registration',
] as const
export const StaffAuditAction = z.enum(staffAuditActions)
export type StaffAuditAction = z.infer<typeof StaffAuditAction>

/** Every action the audit records: the counter desk's and the console's. */
export const AuditAction = z.enum([...staffAuditActions, ...consoleAuditActions])
export type AuditAction = z.infer<typeof AuditAction>

export const AuditEntry = z.object({
  at: IsoDateTime,
  /** Who acted: a staff member at a counter, or a console account (`via`). */
  staff: z.object({ email: z.string(), name: z.string() }).nullable(),
  via: z.enum(['counter', 'console']),
  device: z.string().nullable(),
  action: AuditAction,
  target: z.string().nullable(),
  detail: z.string().nullable(),
  /** `ok`, or the error code the action ended with. */
  result: z.string(),
})
export type AuditEntry = z.infer<typeof AuditEntry>
export const AuditQuery = z.strictObject({
  since: IsoDateTime,
  until: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
})
export const AuditList = z.object({ entries: z.array(AuditEntry) })
