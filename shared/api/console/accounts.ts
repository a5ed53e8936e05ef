import { z } from 'zod'
import { EmailAddress } from '../../email'
import { Locale } from '../../locales'
import { IsoDateTime, Password } from '../schemas'
import { EnrolmentCode, StaffName } from '../staff'
import { consoleRoles } from './roles'

/**
 * Console accounts and their sessions (docs/console.md): enrolment with a one-time code, sign-in
 * to a cookie session, the CSRF token every change carries, and the people IT and the registrar
 * manage (console accounts and counter staff). Addresses travel in bodies, never in URLs.
 */
export const ConsoleRole = z.enum(consoleRoles)

export const ConsoleSignInRequest = z.strictObject({ email: EmailAddress, password: Password })
export const ConsoleEnrolmentRequest = z.strictObject({
  email: EmailAddress,
  code: EnrolmentCode,
  password: Password,
})

/** The header every change carries (the console reads the token from the session answer). */
export const CSRF_HEADER = 'x-csrf-token'

/**
 * Sent, as `1`, on a read the page makes on its own (the fleet's poll, a look at a session renewed
 * in another tab): it does not move the session's idle clock, so only what the person does keeps
 * them signed in. A change always does.
 */
export const UNATTENDED_HEADER = 'x-console-unattended'

export const ConsoleMe = z.object({
  email: z.string(),
  name: z.string(),
  role: ConsoleRole,
  locale: Locale,
  /** Whether this person gets fleet alert mails (IT only). */
  alerts: z.boolean(),
})
export type ConsoleMe = z.infer<typeof ConsoleMe>

export const ConsoleSession = z.object({
  account: ConsoleMe,
  csrfToken: z.string(),
  /** The session's absolute end (8 h after sign-in). */
  expiresAt: IsoDateTime,
  /** Without a request made by the person for this long, the session ends. */
  idleTimeoutSeconds: z.number().int().positive(),
})
export type ConsoleSession = z.infer<typeof ConsoleSession>

/** One's own password, changed with the current one (My account). */
export const ConsolePasswordChange = z.strictObject({
  currentPassword: Password,
  newPassword: Password,
})

export const ConsolePreferences = z.strictObject({
  locale: Locale.optional(),
  alerts: z.boolean().optional(),
})

export const accountStates = ['enrolled', 'waiting', 'code_expired', 'disabled'] as const
export const AccountState = z.enum(accountStates)
export type AccountState = z.infer<typeof AccountState>

/** A counter staff member, as the console lists them. */
export const StaffAccountSummary = z.object({
  email: z.string(),
  name: z.string(),
  state: AccountState,
  /** The end of a sign-in lock in force. */
  lockedUntil: IsoDateTime.optional(),
  createdAt: IsoDateTime,
})
export type StaffAccountSummary = z.infer<typeof StaffAccountSummary>
export const StaffAccountList = z.object({ accounts: z.array(StaffAccountSummary) })

export const ConsoleAccountSummary = StaffAccountSummary.extend({
  role: ConsoleRole,
  alerts: z.boolean(),
})
export type ConsoleAccountSummary = z.infer<typeof ConsoleAccountSummary>
export const ConsoleAccountList = z.object({ accounts: z.array(ConsoleAccountSummary) })

export const AddStaffRequest = z.strictObject({ email: EmailAddress, name: StaffName })
export const AddConsoleAccountRequest = AddStaffRequest.extend({ role: ConsoleRole })
/** The person a disable, reset or unlock is for. */
export const AccountTarget = z.strictObject({ email: EmailAddress })

/** A one-time enrolment code, shown once to hand over in person. */
export const EnrolmentIssued = z.object({ code: z.string(), expiresAt: IsoDateTime })
export type EnrolmentIssued = z.infer<typeof EnrolmentIssued>
