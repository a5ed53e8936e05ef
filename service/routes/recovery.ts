import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CodeRequest, PasswordResetRequest, RecoveryRequest } from '../../shared/api/schemas'
import type { ServiceContext } from '../context'
import { activateAccount, findAccount, findAccountByEmail } from '../domain/accounts'
import { issueLink, markLinkUsed, usableLink } from '../domain/links'
import {
  completeVerification,
  consumeCode,
  cooldownLeft,
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

const IdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })

/** Pending account → activation mail; active → reset mail; unknown → nothing at all. */
function recoveryMail(
  ctx: ServiceContext,
  row: Pick<VerificationRow, 'effect' | 'email' | 'account_id'>,
  code: string,
): MailTemplate | undefined {
  if (!row.account_id || row.effect === 'none') return undefined
  if (row.effect === 'activate') {
    const link = issueLink(ctx, 'activate', row.email, limits.activationLinkLifetimeMs, {
      accountId: row.account_id,
    })
    return { kind: 'recoveryActivation', code, ...link }
  }
  const link = issueLink(ctx, 'reset', row.email, limits.resetLinkLifetimeMs, {
    accountId: row.account_id,
  })
  return { kind: 'recoveryReset', code, ...link }
}

function sendRecoveryMail(
  ctx: ServiceContext,
  row: Pick<VerificationRow, 'effect' | 'email' | 'account_id' | 'locale'>,
  code: string,
) {
  const template = recoveryMail(ctx, row, code)
  if (template) ctx.mailer.enqueue(row.email, renderMail(template, row.locale))
  else ctx.mailer.recordDecoy(row.email)
}

export function recoveryRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/recovery', async (request, reply) => {
    requireDevice(ctx, request)
    const { email, locale } = parseInput(RecoveryRequest, request.body)
    const answer = ctx.db.transaction(() => {
      // Asking again during the cooldown returns the same recovery: the code already sent stays good.
      const recent = ctx.db
        .prepare(
          `SELECT * FROM verifications WHERE email = ? AND purpose = 'recovery' AND completed_at IS NULL
           AND attempts_left > 0 ORDER BY created_at DESC LIMIT 1`,
        )
        .get(email) as VerificationRow | undefined
      if (recent && cooldownLeft(ctx, recent) > 0) {
        return { recoveryId: recent.id, resendAfterSeconds: cooldownLeft(ctx, recent) }
      }
      const account = findAccountByEmail(ctx, email)
      const effect = !account ? 'none' : account.status === 'active' ? 'reset' : 'activate'
      const verification = createVerification(
        ctx,
        'recovery',
        effect,
        email,
        account?.id ?? null,
        locale,
      )
      if (ctx.mailer.underHourlyCap(email)) {
        sendRecoveryMail(
          ctx,
          { effect, email, account_id: account?.id ?? null, locale },
          verification.code,
        )
      }
      return { recoveryId: verification.id, resendAfterSeconds: limits.resendCooldownMs / 1000 }
    })()
    ctx.mailer.flush()
    return send(reply, 202, answer)
  })

  app.post('/v1/recovery/:id/verify', async (request, reply) => {
    requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const { code } = parseInput(CodeRequest, request.body)
    const row = findVerification(ctx, id, 'recovery')
    consumeCode(ctx, row, code)
    const account = row.account_id ? findAccount(ctx, row.account_id) : undefined
    if (!account) throw apiError(422, 'invalid_code', { attemptsLeft: row.attempts_left })
    const answer = ctx.db.transaction(() => {
      completeVerification(ctx, row.id)
      if (row.effect === 'activate') {
        activateAccount(ctx, account)
        return { next: 'sign_in' as const }
      }
      const { token } = issueLink(ctx, 'reset', account.email, limits.resetLinkLifetimeMs, {
        accountId: account.id,
      })
      return { next: 'set_password' as const, resetToken: token }
    })()
    return send(reply, 200, answer)
  })

  app.post('/v1/recovery/:id/resend', async (request, reply) => {
    requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const row = findVerification(ctx, id, 'recovery')
    ctx.db.transaction(() => {
      const { code } = renewCode(ctx, row)
      sendRecoveryMail(ctx, row, code)
    })()
    ctx.mailer.flush()
    return send(reply, 202, { resendAfterSeconds: limits.resendCooldownMs / 1000 })
  })

  app.post('/v1/password-resets', async (request, reply) => {
    requireDevice(ctx, request)
    const { resetToken, newPassword } = parseInput(PasswordResetRequest, request.body)
    const link = usableLink(ctx, resetToken, ['reset'])
    const account = findAccountByEmail(ctx, link.email)
    if (!account) throw apiError(404, 'link_invalid')
    enforcePasswordPolicy(newPassword, {
      email: account.email,
      firstName: account.first_name,
      lastName: account.last_name,
    })
    const passwordHash = await ctx.hasher.hash(newPassword)
    ctx.db.transaction(() => {
      const now = ctx.clock.now()
      // Re-checked inside the transaction: the same link used twice at once resets only once.
      usableLink(ctx, resetToken, ['reset'])
      markLinkUsed(ctx, link.token_hash)
      ctx.db
        .prepare(
          'UPDATE accounts SET password_hash = ?, failed_sign_ins = 0, locked_until = 0 WHERE id = ?',
        )
        .run(passwordHash, account.id)
      ctx.db
        .prepare('UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL')
        .run(now, account.id)
      ctx.db
        .prepare(
          "UPDATE link_tokens SET used_at = ? WHERE email = ? AND kind = 'reset' AND used_at IS NULL",
        )
        .run(now, account.email)
    })()
    return send(reply, 204)
  })
}
