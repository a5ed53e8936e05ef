import type { z } from 'zod'
import type { InvitationRequest } from '@shared/api/schemas'
import type { Selectable } from 'kysely'
import type { ServiceContext } from '../context'
import type { InvitationsTable } from '../db/schema'
import { inTransaction } from '../db/transactions'
import { limits } from '../limits'
import { newId } from '../security/secrets'
import { issueLink } from './links'

export type InvitationRow = Omit<Selectable<InvitationsTable>, 'seq'>

/** Issues a new invitation link (30 days) and queues its mail, inside the caller's transaction. */
export async function mailInvitation(
  ctx: ServiceContext,
  invitation: InvitationRow,
): Promise<void> {
  const link = await issueLink(ctx, 'invite', invitation.email, limits.invitationLinkLifetimeMs, {
    invitationId: invitation.id,
  })
  await ctx.db
    .updateTable('invitations')
    .set({ expires_at: ctx.clock.now() + limits.invitationLinkLifetimeMs })
    .where('id', '=', invitation.id)
    .execute()
  await ctx.mailer.enqueue(
    invitation.email,
    { kind: 'invitation', institution: invitation.institution, ...link },
    invitation.locale_known ? invitation.locale : undefined,
  )
}

/** Records an invitation and queues its email, inside the caller's transaction. */
export async function recordInvitation(
  ctx: ServiceContext,
  input: z.infer<typeof InvitationRequest>,
): Promise<string> {
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
  await ctx.db.insertInto('invitations').values(row).execute()
  await mailInvitation(ctx, row)
  return id
}

/** Records an invitation and sends its email (the admin endpoint, the CLI, the demo). */
export async function createInvitation(
  ctx: ServiceContext,
  input: z.infer<typeof InvitationRequest>,
): Promise<string> {
  const id = await inTransaction(ctx, (tx) => recordInvitation(tx, input))
  ctx.mailer.flush()
  return id
}

/** Every invitation of an address, newest first (revoked ones too: staff see them). */
export async function invitationsOf(ctx: ServiceContext, email: string): Promise<InvitationRow[]> {
  return ctx.db
    .selectFrom('invitations')
    .select([
      'id',
      'email',
      'first_name',
      'last_name',
      'institution',
      'locale',
      'locale_known',
      'document_title',
      'document_issued_on',
      'created_at',
      'expires_at',
      'revoked_at',
    ])
    .where('email', '=', email)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .execute()
}

/** The invitations that still stand: not revoked (a corrected address revokes the old one). */
export async function standingInvitations(
  ctx: ServiceContext,
  email: string,
): Promise<InvitationRow[]> {
  return (await invitationsOf(ctx, email)).filter((invitation) => invitation.revoked_at === null)
}

/**
 * Revokes an invitation: its links stop working at once. Nothing is sent to its address (it was
 * mistyped: whoever reads that mailbox learns nothing). Conditional on it standing still: false
 * when another request revoked it first.
 */
export async function revokeInvitation(
  ctx: ServiceContext,
  invitation: InvitationRow,
): Promise<boolean> {
  const now = ctx.clock.now()
  const revoked = await ctx.db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', invitation.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (revoked.numUpdatedRows !== 1n) return false
  await ctx.db
    .updateTable('link_tokens')
    .set({ expires_at: now })
    .where('invitation_id', '=', invitation.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute()
  return true
}
