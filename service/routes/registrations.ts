import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CodeRequest, RegistrationRequest } from '../../shared/api/schemas'
import { maskEmail } from '../../shared/email'
import type { ServiceContext } from '../context'
import { activateAccount, findAccount, findAccountByEmail, isInvited } from '../domain/accounts'
import { issueLink } from '../domain/links'
import {
  completeVerification,
  consumeCode,
  createVerification,
  findVerification,
  renewCode,
  type VerificationRow,
} from '../domain/verifications'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'
import { limits } from '../limits'
import { renderMail, type MailTemplate } from '../mail/templates'
import { enforcePasswordPolicy } from '../security/password-policy'
import { newId } from '../security/secrets'
import { withIdempotency } from './idempotency'

const IdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })
const resendAfterSeconds = limits.resendCooldownMs / 1000

/** The mail a registration sends: a code for an invited address, an explanation otherwise. */
function registrationMail(
  ctx: ServiceContext,
  row: Pick<VerificationRow, 'effect' | 'email' | 'account_id'>,
  code: string,
): MailTemplate {
  if (row.effect === 'activate' && row.account_id) {
    const link = issueLink(ctx, 'activate', row.email, limits.activationLinkLifetimeMs, {
      accountId: row.account_id,
    })
    return { kind: 'registrationCode', code, ...link }
  }
  return findAccountByEmail(ctx, row.email)?.status === 'active'
    ? { kind: 'alreadyActive' }
    : { kind: 'notInvited' }
}

export function registrationRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/registrations', async (request, reply) => {
    const deviceId = requireDevice(ctx, request)
    const body = parseInput(RegistrationRequest, request.body)
    const result = await withIdempotency(
      ctx,
      deviceId,
      request.headers['idempotency-key'],
      body,
      async (remember) => {
        enforcePasswordPolicy(body.password, body)
        // Hashed for every address, so the answer takes as long whoever asks (no enumeration).
        const passwordHash = await ctx.hasher.hash(body.password)
        const answer = ctx.db.transaction(() => {
          const existing = findAccountByEmail(ctx, body.email)
          let accountId: string | null = null
          if (existing?.status === 'pending') {
            ctx.db
              .prepare(
                'UPDATE accounts SET first_name = ?, last_name = ?, password_hash = ?, locale = ? WHERE id = ?',
              )
              .run(body.firstName, body.lastName, passwordHash, body.locale, existing.id)
            accountId = existing.id
          } else if (!existing && isInvited(ctx, body.email)) {
            accountId = newId()
            ctx.db
              .prepare(
                `INSERT INTO accounts (id, email, first_name, last_name, password_hash, locale, status, created_at)
               VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
              )
              .run(
                accountId,
                body.email,
                body.firstName,
                body.lastName,
                passwordHash,
                body.locale,
                ctx.clock.now(),
              )
          }
          const effect = accountId ? 'activate' : 'none'
          const verification = createVerification(
            ctx,
            'registration',
            effect,
            body.email,
            accountId,
            body.locale,
          )
          if (ctx.mailer.underHourlyCap(body.email)) {
            const template = registrationMail(
              ctx,
              { effect, email: body.email, account_id: accountId },
              verification.code,
            )
            ctx.mailer.enqueue(body.email, renderMail(template, body.locale))
          }
          const accepted = {
            status: 202,
            body: {
              registrationId: verification.id,
              maskedEmail: maskEmail(body.email),
              resendAfterSeconds,
            },
          }
          remember(accepted)
          return accepted
        })()
        ctx.mailer.flush()
        return answer
      },
    )
    return send(reply, result.status, result.body)
  })

  app.post('/v1/registrations/:id/verify', async (request, reply) => {
    requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const { code } = parseInput(CodeRequest, request.body)
    const row = findVerification(ctx, id, 'registration')
    consumeCode(ctx, row, code)
    ctx.db.transaction(() => {
      completeVerification(ctx, row.id)
      const account = row.account_id ? findAccount(ctx, row.account_id) : undefined
      if (!account) throw apiError(422, 'invalid_code', { attemptsLeft: row.attempts_left })
      activateAccount(ctx, account)
    })()
    return send(reply, 200, { status: 'active' })
  })

  app.post('/v1/registrations/:id/resend', async (request, reply) => {
    requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const row = findVerification(ctx, id, 'registration')
    ctx.db.transaction(() => {
      const { code } = renewCode(ctx, row)
      ctx.mailer.enqueue(row.email, renderMail(registrationMail(ctx, row, code), row.locale))
    })()
    ctx.mailer.flush()
    return send(reply, 202, { resendAfterSeconds })
  })
}
