import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CodeRequest, RegistrationRequest } from '@shared/api/schemas'
import { maskEmail } from '@shared/email'
import type { ServiceContext } from '../context'
import { countActivity } from '../domain/activity'
import { activateRegistration } from '../domain/credentials'
import { acceptRegistration, registrationMail } from '../domain/registrations'
import { checkCode, findVerification, renewCode } from '../domain/verifications'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'
import { limits } from '../limits'
import { enforcePasswordPolicy } from '../security/password-policy'
import { inTransaction } from '../db/transactions'
import { withIdempotency } from './idempotency'

const IdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })
const resendAfterSeconds = limits.resendCooldownMs / 1000

export function registrationRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/registrations', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { password, ...fields } = parseInput(RegistrationRequest, request.body)
    const result = await withIdempotency(
      ctx,
      deviceId,
      request.headers['idempotency-key'],
      { fields, secret: password },
      async (remember) => {
        enforcePasswordPolicy(password, fields)
        // Hashed for every address, so the answer takes as long whoever asks (no enumeration).
        const passwordHash = await ctx.hasher.hash(password)
        const answer = await inTransaction(ctx, async (tx) => {
          const registrationId = await acceptRegistration(tx, {
            ...fields,
            passwordHash,
            deviceId,
          })
          const accepted = {
            status: 202,
            body: { registrationId, maskedEmail: maskEmail(fields.email), resendAfterSeconds },
          }
          await remember(tx, accepted, passwordHash)
          return accepted
        })
        ctx.mailer.flush()
        return answer
      },
    )
    return send(reply, result.status, result.body)
  })

  app.post('/v1/registrations/:id/verify', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const { code } = parseInput(CodeRequest, request.body)
    const row = await findVerification(ctx, id, 'registration')
    await checkCode(ctx, row, code, async (tx) => {
      // Replaced by a newer registration after this code was checked: nothing to activate.
      if (!row.registration_id || !(await activateRegistration(tx, row.registration_id)))
        throw apiError(410, 'code_expired')
      await countActivity(tx, deviceId, 'accountsActivated')
    })
    return send(reply, 200, { status: 'active' })
  })

  app.post('/v1/registrations/:id/resend', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const row = await findVerification(ctx, id, 'registration')
    await renewCode(ctx, row, async (tx, code) => {
      await tx.mailer.enqueue(row.email, await registrationMail(tx, row, code), row.locale)
      // A registration born past the hourly cap gets its first code here (the funnel's "code sent").
      if (row.effect === 'activate' && row.last_sent_at === 0)
        await countActivity(tx, deviceId, 'codesSent')
    })
    ctx.mailer.flush()
    return send(reply, 202, { resendAfterSeconds })
  })
}
