import type { HandoverAccepted, StaffActionDone } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { lockAddresses } from '../db/transactions'
import { limits } from '../limits'
import { findAccountByEmail } from './accounts'
import { supersedeRegistrations } from './credentials'
import {
  mailInvitation,
  recordInvitation,
  revokeInvitation,
  standingInvitations,
  type InvitationRow,
} from './invitations'
import { recentRecovery, startRecovery } from './recovery'
import { clearSignInThrottle } from './sign-in-throttle'
import { endStaffSession } from './staff-sessions'
import { studentRecord, waitingRegistrationOf } from './student-record'
import { cooldownLeft, hasLiveActivationCode } from './verifications'

/**
 * What staff can do for a student at the counter (docs/account-service.md, "Counter desk"). Each
 * runs inside the caller's audited transaction, which holds the student's address lock
 * (service/db/transactions.ts), and answers the student's record as it now is;
 * an action that does not fit the student's state says `not_applicable` (409) rather than
 * pretending, and a mail the hourly cap holds back says `rate_limited` with the wait.
 */

const notApplicable = () => apiError(409, 'not_applicable')

async function requireUnderMailCap(ctx: ServiceContext, email: string): Promise<void> {
  if (!(await ctx.mailer.underHourlyCap(email)))
    throw apiError(429, 'rate_limited', { retryAfterSeconds: limits.mailWindowMs / 1000 })
}

/** The invitations an action for a not-yet-active student works on; none → not applicable. */
async function openInvitations(ctx: ServiceContext, email: string): Promise<InvitationRow[]> {
  if ((await findAccountByEmail(ctx, email))?.status === 'active') throw notApplicable()
  const invitations = await standingInvitations(ctx, email)
  if (invitations.length === 0) throw notApplicable()
  return invitations
}

/** "I never got the invitation": the newest standing invitation again, with a fresh 30-day link. */
export async function resendInvitation(
  ctx: ServiceContext,
  email: string,
): Promise<StaffActionDone> {
  await lockAddresses(ctx, email)
  const [newest] = await openInvitations(ctx, email)
  await requireUnderMailCap(ctx, email)
  await mailInvitation(ctx, newest!)
  return { record: await studentRecord(ctx, email), sent: 'invitation' }
}

/**
 * "I typed my address wrong" (issue 25, rule 4): the one invitation staff chose, by its id and
 * names, is revoked and made again, same institution, names, language and document, for the
 * corrected address, and its mail counts against that address's hourly cap. No other invitation
 * of the address moves: it may be another graduate's. Anything a registration started at the
 * mistyped address could activate ends (its credentials were typed for this invitation). Nobody
 * at the mistyped address is told anything. When the corrected address has an active account,
 * the document lands in that account at once, so staff must confirm a second time. Runs in the
 * caller's transaction; the revocation is conditional (`… WHERE revoked_at IS NULL`), so of two
 * overlapping corrections of one invitation exactly one moves it.
 */
export async function correctAddress(
  ctx: ServiceContext,
  input: { email: string; invitationId: string; newEmail: string; confirmActiveAccount?: true },
): Promise<StaffActionDone> {
  const { email, newEmail } = input
  if (newEmail === email)
    throw apiError(400, 'validation_failed', { fields: { newEmail: 'invalid' } })
  await lockAddresses(ctx, email, newEmail)
  const invitation = (await openInvitations(ctx, email)).find(
    (row) => row.id === input.invitationId,
  )
  if (!invitation) throw notApplicable()
  if ((await findAccountByEmail(ctx, newEmail))?.status === 'active' && !input.confirmActiveAccount)
    throw apiError(409, 'address_has_account')
  await requireUnderMailCap(ctx, newEmail)
  if (!(await revokeInvitation(ctx, invitation))) throw notApplicable()
  const account = await findAccountByEmail(ctx, email)
  if (account) await supersedeRegistrations(ctx, email, account.id)
  await recordInvitation(ctx, {
    email: newEmail,
    institution: invitation.institution,
    ...(invitation.locale_known ? { locale: invitation.locale } : {}),
    ...(invitation.first_name ? { firstName: invitation.first_name } : {}),
    ...(invitation.last_name ? { lastName: invitation.last_name } : {}),
    ...(invitation.document_title && invitation.document_issued_on
      ? {
          document: {
            title: invitation.document_title,
            issuedOn: invitation.document_issued_on,
          },
        }
      : {}),
  })
  return { record: await studentRecord(ctx, newEmail), sent: 'invitation' }
}

/** An active account gets a reset mail, a pending one with a waiting registration an activation mail. */
export async function sendRecoveryMailFor(
  ctx: ServiceContext,
  email: string,
): Promise<StaffActionDone> {
  await lockAddresses(ctx, email)
  const account = await findAccountByEmail(ctx, email)
  if (!account) throw notApplicable()
  const recent = await recentRecovery(ctx, email)
  if (recent) throw apiError(429, 'rate_limited', { retryAfterSeconds: cooldownLeft(ctx, recent) })
  await requireUnderMailCap(ctx, email)
  const recovery = await startRecovery(ctx, email, account.locale)
  if (recovery.effect === 'none') throw notApplicable()
  return {
    record: await studentRecord(ctx, email),
    sent: recovery.effect === 'reset' ? 'reset' : 'activation',
  }
}

/** "I'm locked out": staff saw the person; the failures are forgotten and the lock lifted. */
export async function liftSignInLock(ctx: ServiceContext, email: string): Promise<StaffActionDone> {
  const record = await studentRecord(ctx, email)
  if (!record.account.lockedUntil && record.account.signInFailures === 0) throw notApplicable()
  await clearSignInThrottle(ctx, email)
  return { record: await studentRecord(ctx, email) }
}

/**
 * "I never got the code": a registration holds the address for an hour while its code works.
 * Ending it frees the address at once: its code and links stop working and its password hash goes.
 */
export async function endWaitingRegistration(
  ctx: ServiceContext,
  email: string,
): Promise<StaffActionDone> {
  await lockAddresses(ctx, email)
  const account = await findAccountByEmail(ctx, email)
  if (!account || account.status !== 'pending' || !(await waitingRegistrationOf(ctx, email)))
    throw notApplicable()
  await supersedeRegistrations(ctx, email, account.id)
  return { record: await studentRecord(ctx, email) }
}

/**
 * The student registers on this screen: the staff session ends here, before anyone types a
 * password, and the kiosk locks the registration to the invited address. Only for a standing
 * invitation and an address no registration holds (else the registration would be held).
 */
export async function handOver(
  ctx: ServiceContext,
  email: string,
  staffTokenHash: string,
): Promise<HandoverAccepted> {
  await lockAddresses(ctx, email)
  const [newest] = await openInvitations(ctx, email)
  if (await hasLiveActivationCode(ctx, email)) throw notApplicable()
  if (!(await endStaffSession(ctx, staffTokenHash))) throw apiError(401, 'staff_session_expired')
  return {
    email,
    ...(newest!.first_name ? { firstName: newest!.first_name } : {}),
    ...(newest!.last_name ? { lastName: newest!.last_name } : {}),
  }
}
