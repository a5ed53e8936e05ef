import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ActivationRequest } from '../../shared/api/schemas'
import { maskEmail } from '../../shared/email'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { activateAccount, findAccountByEmail } from '../domain/accounts'
import { markLinkUsed, usableLink } from '../domain/links'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'

const TokenParams = z.strictObject({ token: z.string().max(200) })

export function linkRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get('/v1/links/:token', async (request, reply) => {
    requireDevice(ctx, request)
    const { token } = parseInput(TokenParams, request.params)
    const link = usableLink(ctx, token)
    const base = {
      kind: link.kind,
      maskedEmail: maskEmail(link.email),
      expiresAt: iso(link.expires_at),
    }
    if (link.kind !== 'invite') return send(reply, 200, base)
    // Whoever holds an invitation link was sent it: they may see the address it was sent to.
    const invitation = ctx.db
      .prepare('SELECT first_name, last_name FROM invitations WHERE id = ?')
      .get(link.invitation_id) as
      { first_name: string | null; last_name: string | null } | undefined
    return send(reply, 200, {
      ...base,
      email: link.email,
      ...(invitation?.first_name ? { firstName: invitation.first_name } : {}),
      ...(invitation?.last_name ? { lastName: invitation.last_name } : {}),
    })
  })

  app.post('/v1/activations', async (request, reply) => {
    requireDevice(ctx, request)
    const { token } = parseInput(ActivationRequest, request.body)
    const link = usableLink(ctx, token, ['activate'])
    const account = findAccountByEmail(ctx, link.email)
    if (!account) throw apiError(404, 'link_invalid')
    ctx.db.transaction(() => {
      markLinkUsed(ctx, link.token_hash)
      activateAccount(ctx, account)
    })()
    return send(reply, 200, { status: 'active' })
  })
}
