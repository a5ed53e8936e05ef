import type { z } from 'zod'
import type { InvitationRequest } from '@shared/api/schemas'
import type { ServiceContext } from '../context'
import { limits } from '../limits'
import { newId } from '../security/secrets'
import { issueLink } from './links'

/** Records an invitation and queues its email (used by the admin endpoint and the CLI). */
export function createInvitation(
  ctx: ServiceContext,
  input: z.infer<typeof InvitationRequest>,
): string {
  const id = newId()
  const locale = input.locale ?? 'fr-CA'
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO invitations (id, email, first_name, last_name, institution, locale, document_title,
           document_issued_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.email,
        input.firstName ?? null,
        input.lastName ?? null,
        input.institution,
        locale,
        input.document?.title ?? null,
        input.document?.issuedOn ?? null,
        ctx.clock.now(),
      )
    const link = issueLink(ctx, 'invite', input.email, limits.invitationLinkLifetimeMs, {
      invitationId: id,
    })
    ctx.mailer.enqueue(
      input.email,
      { kind: 'invitation', institution: input.institution, ...link },
      locale,
    )
  })()
  ctx.mailer.flush()
  return id
}
