import type { z } from 'zod'
import type { InvitationRequest } from '@shared/api/schemas'
import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { limits } from '../limits'
import { newId } from '../security/secrets'
import { issueLink } from './links'

export interface InvitationRow {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  institution: string
  /** The language of the recipient's mails; when `locale_known` is 0, their mails are in both. */
  locale: Locale
  locale_known: number
  document_title: string | null
  document_issued_on: string | null
  created_at: number
  expires_at: number
  revoked_at: number | null
}

/** Issues a new invitation link (30 days) and queues its mail, inside the caller's transaction. */
export function mailInvitation(ctx: ServiceContext, invitation: InvitationRow): void {
  const link = issueLink(ctx, 'invite', invitation.email, limits.invitationLinkLifetimeMs, {
    invitationId: invitation.id,
  })
  ctx.db
    .prepare('UPDATE invitations SET expires_at = ? WHERE id = ?')
    .run(ctx.clock.now() + limits.invitationLinkLifetimeMs, invitation.id)
  ctx.mailer.enqueue(
    invitation.email,
    { kind: 'invitation', institution: invitation.institution, ...link },
    invitation.locale_known ? invitation.locale : undefined,
  )
}

/** Records an invitation and queues its email, inside the caller's transaction. */
export function recordInvitation(
  ctx: ServiceContext,
  input: z.infer<typeof InvitationRequest>,
): string {
  const id = newId()
  const now = ctx.clock.now()
  const row: InvitationRow = {
    id,
    email: input.email,
    first_name: input.firstName ?? null,
    last_name: input.lastName ?? null,
    institution: input.institution,
    locale: input.locale ?? 'fr-CA',
    locale_known: input.locale ? 1 : 0,
    document_title: input.document?.title ?? null,
    document_issued_on: input.document?.issuedOn ?? null,
    created_at: now,
    expires_at: now + limits.invitationLinkLifetimeMs,
    revoked_at: null,
  }
  ctx.db
    .prepare(
      `INSERT INTO invitations (id, email, first_name, last_name, institution, locale, locale_known,
         document_title, document_issued_on, created_at, expires_at)
       VALUES (:id, :email, :first_name, :last_name, :institution, :locale, :locale_known,
         :document_title, :document_issued_on, :created_at, :expires_at)`,
    )
    .run(row)
  mailInvitation(ctx, row)
  return id
}

/** Records an invitation and sends its email (the admin endpoint, the CLI, the demo). */
export function createInvitation(
  ctx: ServiceContext,
  input: z.infer<typeof InvitationRequest>,
): string {
  const id = ctx.db.transaction(() => recordInvitation(ctx, input))()
  ctx.mailer.flush()
  return id
}

/** Every invitation of an address, newest first (revoked ones too: staff see them). */
export function invitationsOf(ctx: ServiceContext, email: string): InvitationRow[] {
  return ctx.db
    .prepare('SELECT * FROM invitations WHERE email = ? ORDER BY created_at DESC, rowid DESC')
    .all(email) as InvitationRow[]
}

/** The invitations that still stand: not revoked (a corrected address revokes the old one). */
export function standingInvitations(ctx: ServiceContext, email: string): InvitationRow[] {
  return invitationsOf(ctx, email).filter((invitation) => invitation.revoked_at === null)
}

/**
 * Revokes an invitation: its links stop working at once. Nothing is sent to its address (it was
 * mistyped: whoever reads that mailbox learns nothing). Conditional on it standing still: false
 * when another request revoked it first.
 */
export function revokeInvitation(ctx: ServiceContext, invitation: InvitationRow): boolean {
  const now = ctx.clock.now()
  const revoked = ctx.db
    .prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
    .run(now, invitation.id)
  if (revoked.changes !== 1) return false
  ctx.db
    .prepare(
      `UPDATE link_tokens SET expires_at = ? WHERE invitation_id = ? AND used_at IS NULL
       AND expires_at > ?`,
    )
    .run(now, invitation.id, now)
  return true
}
