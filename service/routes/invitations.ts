import type { FastifyInstance } from 'fastify'
import { InvitationRequest } from '@shared/api/schemas'
import type { ServiceContext } from '../context'
import { createInvitation } from '../domain/invitations'
import { parseInput, requireAdmin, send } from '../http'

export function invitationRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/invitations', async (request, reply) => {
    requireAdmin(ctx, request)
    const input = parseInput(InvitationRequest, request.body)
    return send(reply, 201, { invitationId: await createInvitation(ctx, input) })
  })
}
