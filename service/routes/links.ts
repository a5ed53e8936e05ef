import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ActivationRequest } from '@shared/api/schemas'
import { maskEmail } from '@shared/email'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { countActivity } from '../domain/activity'
import { activateRegistration, pendingCredentials } from '../domain/credentials'
import { spendLink, usableLink, type LinkRow } from '../domain/links'
import { inTransaction, lockAddresses } from '../db/transactions'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'

const TokenParams = z.strictObject({ token: z.string().max(200) })

/**
 * An activation link works while the registration it was issued for still holds credentials; a
 * newer registration of the address, or an activation by code, ends it.
 */
async function activationStillPossible(ctx: ServiceContext, link: LinkRow): Promise<boolean> {
  if (!link.registration_id || !link.account_id) return false
  return (await pendingCredentials(ctx, link.account_id))?.registrationId === link.registration_id
}

export function linkRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get('/v1/links/:token', async (request, reply) => {
    await requireDevice(ctx, request)
    const { token } = parseInput(TokenParams, request.params)
    const link = await usableLink(ctx, token)
    if (link.kind === 'activate' && !(await activationStillPossible(ctx, link)))
      throw apiError(410, 'link_expired')
    const base = {
      kind: link.kind,
      maskedEmail: maskEmail(link.email),
      expiresAt: iso(link.expires_at),
    }
    if (link.kind !== 'invite') return send(reply, 200, base)
    // Whoever holds an invitation link was sent it: they may see the address it was sent to.
    const invitation = link.invitation_id
      ? await ctx.db
          .selectFrom('invitations')
          .select(['first_name', 'last_name'])
          .where('id', '=', link.invitation_id)
          .executeTakeFirst()
      : undefined
    return send(reply, 200, {
      ...base,
      email: link.email,
      ...(invitation?.first_name ? { firstName: invitation.first_name } : {}),
      ...(invitation?.last_name ? { lastName: invitation.last_name } : {}),
    })
  })

  app.post('/v1/activations', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { token } = parseInput(ActivationRequest, request.body)
    await inTransaction(ctx, async (tx) => {
      await lockAddresses(tx, (await usableLink(tx, token, ['activate'])).email)
      const link = await spendLink(tx, token, ['activate'])
      if (!link.registration_id || !(await activateRegistration(tx, link.registration_id)))
        throw apiError(410, 'link_expired')
      await countActivity(tx, deviceId, 'accountsActivated')
    })
    return send(reply, 200, { status: 'active' })
  })
}
