import type { StudentRecord } from '@shared/api/staff'
import type { Locale } from '@shared/locales'
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
    .prepare(
      `SELECT last_sent_at, code_expires_at FROM verifications WHERE email = ? AND effect = 'activate'
       AND purpose = 'registration' AND completed_at IS NULL AND attempts_left > 0
       AND code_expires_at > ? ORDER BY created_at DESC LIMIT 1`,
    )
    .get(email, ctx.clock.now()) as { last_sent_at: number; code_expires_at: number } | undefined
}

/** The names a pending account's waiting registration carries (what the student typed). */
function pendingNames(ctx: ServiceContext, accountId: string) {
  return ctx.db
    .prepare(
      'SELECT first_name, last_name, locale FROM registration_credentials WHERE account_id = ?',
    )
    .get(accountId) as { first_name: string; last_name: string; locale: Locale } | undefined
}

/**
 * Everything the counter shows about one address, looked up by its exact (normalised) spelling:
 * invitations, account state and lock, the waiting registration, mails (kind, time, delivery
 * status: never a body, which holds codes and links) and recorded consent. It never holds a
 * password, hash, code or token. Built on the same look-up IT's `service lookup` prints.
 */
export function studentRecord(ctx: ServiceContext, email: string): StudentRecord {
  const now = ctx.clock.now()
  const lookup = lookUpAccount(ctx, email)
  const account = findAccountByEmail(ctx, email)
  const active = account?.status === 'active'
  const names =
    account?.status === 'active'
      ? { first_name: account.first_name, last_name: account.last_name, locale: account.locale }
      : account && pendingNames(ctx, account.id)
  const throttle = signInThrottleOf(ctx, email)
  const waiting = waitingRegistrationOf(ctx, email)
  const mails = ctx.db
    .prepare(
      'SELECT kind, created_at, status FROM mails WHERE to_address = ? ORDER BY id DESC LIMIT 20',
    )
    .all(email) as {
    kind: string
    created_at: number
    status: StudentRecord['mails'][number]['status']
  }[]

  return {
    email,
    invitations: invitationsOf(ctx, email).map((invitation) => ({
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
      activatable: account?.status === 'pending' && Boolean(pendingCredentials(ctx, account.id)),
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
