import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CodeRequest, PasswordResetRequest, RecoveryRequest } from '@shared/api/schemas'
import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { findAccount, findAccountByEmail } from '../domain/accounts'
import { activateRegistration, pendingCredentials } from '../domain/credentials'
import { issueLink, spendLink, usableLink } from '../domain/links'
import { clearSignInThrottle } from '../domain/sign-in-throttle'
import {
  checkCode,
  cooldownLeft,
  createVerification,
  endVerifications,
  findVerification,
  renewCode,
  type VerificationRow,
} from '../domain/verifications'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'
import { limits } from '../limits'
import type { MailTemplate } from '../mail/templates'
import { enforcePasswordPolicy } from '../security/password-policy'

const IdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })

/** Pending account → activation mail; active → reset mail; unknown → nothing at all. */
function recoveryMail(
  ctx: ServiceContext,
  row: Pick<VerificationRow, 'effect' | 'email' | 'account_id' | 'registration_id'>,
  code: string,
): MailTemplate | undefined {
  if (!row.account_id || row.effect === 'none') return undefined
  if (row.effect === 'activate') {
    const link = issueLink(ctx, 'activate', row.email, limits.activationLinkLifetimeMs, {
      accountId: row.account_id,
      registrationId: row.registration_id ?? undefined,
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
  row: Pick<VerificationRow, 'effect' | 'email' | 'account_id' | 'registration_id' | 'locale'>,
  code: string,
) {
  const template = recoveryMail(ctx, row, code)
  if (template) ctx.mailer.enqueue(row.email, template, row.locale)
  else ctx.mailer.recordDecoy(row.email)
}

/**
 * What a recovery for this address does: reset an active account's password, activate a pending
 * account with the credentials its registration holds, or nothing (unknown address, or a pending
 * account whose registration has expired: the person registers again).
 */
function recoveryTarget(ctx: ServiceContext, email: string) {
  const account = findAccountByEmail(ctx, email)
  if (account?.status === 'active')
    return { effect: 'reset' as const, accountId: account.id, registrationId: undefined }
  const pending = account && pendingCredentials(ctx, account.id)
  if (account && pending)
    return {
      effect: 'activate' as const,
      accountId: account.id,
      registrationId: pending.registrationId,
    }
  return { effect: 'none' as const, accountId: null, registrationId: undefined }
}

export function recoveryRoutes(app: FastifyInstance, ctx: ServiceContext) {
  /**
   * Defined once, not per request: better-sqlite3 builds four wrapper functions for each
   * `transaction()` call, a sixteenth of this route's CPU under load (docs/performance.md).
   */
  const startRecovery = ctx.db.transaction((email: string, locale: Locale) => {
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
    const target = recoveryTarget(ctx, email)
    const mailed = ctx.mailer.underHourlyCap(email)
    endVerifications(ctx, email, 'recovery')
    const verification = createVerification(ctx, {
      purpose: 'recovery',
      effect: target.effect,
      email,
      accountId: target.accountId,
      ...(target.registrationId ? { registrationId: target.registrationId } : {}),
      locale,
      mailed,
    })
    if (mailed) {
      sendRecoveryMail(
        ctx,
        {
          effect: target.effect,
          email,
          account_id: target.accountId,
          registration_id: target.registrationId ?? null,
          locale,
        },
        verification.code,
      )
    }
    return { recoveryId: verification.id, resendAfterSeconds: limits.resendCooldownMs / 1000 }
  })

  app.post('/v1/recovery', async (request, reply) => {
    requireDevice(ctx, request)
    const { email, locale } = parseInput(RecoveryRequest, request.body)
    const answer = startRecovery(email, locale)
    ctx.mailer.flush()
    return send(reply, 202, answer)
  })

  app.post('/v1/recovery/:id/verify', async (request, reply) => {
    requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const { code } = parseInput(CodeRequest, request.body)
    const row = findVerification(ctx, id, 'recovery')
    const answer = checkCode(ctx, row, code, () => {
      if (row.effect === 'activate') {
        // The registration was replaced or activated meanwhile: this code activates nothing.
        if (!row.registration_id || !activateRegistration(ctx, row.registration_id))
          throw apiError(410, 'code_expired')
        return { next: 'sign_in' as const }
      }
      const account = row.account_id ? findAccount(ctx, row.account_id) : undefined
      if (!account) throw apiError(410, 'code_expired')
      const { token } = issueLink(ctx, 'reset', account.email, limits.resetLinkLifetimeMs, {
        accountId: account.id,
      })
      return { next: 'set_password' as const, resetToken: token }
    })
    return send(reply, 200, answer)
  })

  app.post('/v1/recovery/:id/resend', async (request, reply) => {
    requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const row = findVerification(ctx, id, 'recovery')
    renewCode(ctx, row, (code) => sendRecoveryMail(ctx, row, code))
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
      // Spent in one statement: the same link used twice at once resets only once.
      spendLink(ctx, resetToken, ['reset'])
      ctx.db
        .prepare('UPDATE accounts SET password_hash = ? WHERE id = ?')
        .run(passwordHash, account.id)
      clearSignInThrottle(ctx, account.email)
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
