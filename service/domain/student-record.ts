import type { StudentRecord } from '@shared/api/staff'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { lookUpAccount } from './account-lookup'
import { findAccountByEmail } from './accounts'
import { pendingCredentials } from './credentials'
import { invitationsOf, type InvitationRow } from './invitations'
import { signInThrottleOf } from './sign-in-throttle'

/** An invitation as staff see it: open, accepted (the account is active), expired or revoked. */
function invitationState(
  invitation: InvitationRow,
  accountActive: boolean,
  now: number,
): StudentRecord['invitations'][number]['state'] {
  if (invitation.revoked_at !== null) return 'revoked'
  if (accountActive) return 'accepted'
  return invitation.expires_at > now ? 'open' : 'expired'
}

/** The registration holding the address while its code works, if any. */
export function waitingRegistrationOf(ctx: ServiceContext, email: string) {
  return ctx.db
    .selectFrom('verifications')
    .select(['last_sent_at', 'code_expires_at'])
    .where('email', '=', email)
    .where('effect', '=', 'activate')
    .where('purpose', '=', 'registration')
    .where('completed_at', 'is', null)
    .where('attempts_left', '>', 0)
    .where('code_expires_at', '>', ctx.clock.now())
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The names a pending account's waiting registration carries (what the student typed). */
function pendingNames(ctx: ServiceContext, accountId: string) {
  return ctx.db
    .selectFrom('registration_credentials')
    .select(['first_name', 'last_name', 'locale'])
    .where('account_id', '=', accountId)
    .executeTakeFirst()
}

/**
 * Everything the counter shows about one address, looked up by its exact (normalised) spelling:
 * invitations, account state and lock, the waiting registration, mails (kind, time, delivery
 * status: never a body, which holds codes and links) and recorded consent. It never holds a
 * password, hash, code or token. Built on the same look-up IT's `service lookup` prints.
 */
export async function studentRecord(ctx: ServiceContext, email: string): Promise<StudentRecord> {
  const now = ctx.clock.now()
  const lookup = await lookUpAccount(ctx, email)
  const account = await findAccountByEmail(ctx, email)
  const active = account?.status === 'active'
  const names =
    account?.status === 'active'
      ? { first_name: account.first_name, last_name: account.last_name, locale: account.locale }
      : account && (await pendingNames(ctx, account.id))
  const throttle = await signInThrottleOf(ctx, email)
  const waiting = await waitingRegistrationOf(ctx, email)
  const mails = await ctx.db
    .selectFrom('mails')
    .select(['kind', 'created_at', 'status'])
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .limit(20)
    .execute()
  const invitations = await invitationsOf(ctx, email)
  const activatable =
    account?.status === 'pending' && Boolean(await pendingCredentials(ctx, account.id))

  return {
    email,
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      ...(invitation.first_name ? { firstName: invitation.first_name } : {}),
      ...(invitation.last_name ? { lastName: invitation.last_name } : {}),
      institution: invitation.institution,
      ...(invitation.document_title && invitation.document_issued_on
        ? {
            document: {
              title: invitation.document_title,
              issuedOn: invitation.document_issued_on,
            },
          }
        : {}),
      invitedAt: iso(invitation.created_at),
      expiresAt: iso(invitation.expires_at),
      state: invitationState(invitation, active, now),
    })),
    account: {
      state: lookup.status,
      ...(names
        ? {
            firstName: names.first_name,
            lastName: names.last_name,
            locale: names.locale,
          }
        : {}),
      ...(lookup.createdAt ? { createdAt: lookup.createdAt } : {}),
      ...(lookup.activatedAt ? { activatedAt: lookup.activatedAt } : {}),
      ...(account?.last_sign_in_at ? { lastSignInAt: iso(account.last_sign_in_at) } : {}),
      signInFailures: throttle.failures,
      ...(throttle.lockedUntil ? { lockedUntil: iso(throttle.lockedUntil) } : {}),
      activatable,
    },
    ...(waiting
      ? {
          waitingRegistration: {
            codeSentAt: iso(waiting.last_sent_at),
            codeExpiresAt: iso(waiting.code_expires_at),
          },
        }
      : {}),
    mails: mails.map((mail) => ({
      kind: mail.kind,
      createdAt: iso(mail.created_at),
      status: mail.status,
    })),
    consents: lookup.consents,
  }
}
