import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CodeRequest, PasswordResetRequest, RecoveryRequest } from '@shared/api/schemas'
import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { findAccount, findAccountByEmail } from '../domain/accounts'
import { countActivity } from '../domain/activity'
import { activateRegistration } from '../domain/credentials'
import { issueLink, spendLink, usableLink } from '../domain/links'
import { recentRecovery, sendRecoveryMail, startRecovery } from '../domain/recovery'
import { clearSignInThrottle } from '../domain/sign-in-throttle'
import { checkCode, cooldownLeft, findVerification, renewCode } from '../domain/verifications'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'
import { limits } from '../limits'
import { enforcePasswordPolicy } from '../security/password-policy'

const IdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })

export function recoveryRoutes(app: FastifyInstance, ctx: ServiceContext) {
  /**
   * Defined once, not per request: better-sqlite3 builds four wrapper functions for each
   * `transaction()` call, a sixteenth of this route's CPU under load (docs/performance.md).
   */
  const askRecovery = ctx.db.transaction((email: string, locale: Locale, deviceId: string) => {
    // Asking again during the cooldown returns the same recovery: the code already sent stays good.
    const recent = recentRecovery(ctx, email)
    if (recent) return { recoveryId: recent.id, resendAfterSeconds: cooldownLeft(ctx, recent) }
    const recovery = startRecovery(ctx, email, locale)
    countActivity(ctx, deviceId, 'recoveriesStarted')
    return { recoveryId: recovery.id, resendAfterSeconds: limits.resendCooldownMs / 1000 }
  })

  app.post('/v1/recovery', async (request, reply) => {
    const deviceId = requireDevice(ctx, request)
    const { email, locale } = parseInput(RecoveryRequest, request.body)
    const answer = askRecovery(email, locale, deviceId)
    ctx.mailer.flush()
    return send(reply, 202, answer)
  })

  app.post('/v1/recovery/:id/verify', async (request, reply) => {
    const deviceId = requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const { code } = parseInput(CodeRequest, request.body)
    const row = findVerification(ctx, id, 'recovery')
    const answer = checkCode(ctx, row, code, () => {
      if (row.effect === 'activate') {
        // The registration was replaced or activated meanwhile: this code activates nothing.
        if (!row.registration_id || !activateRegistration(ctx, row.registration_id))
          throw apiError(410, 'code_expired')
        countActivity(ctx, deviceId, 'accountsActivated')
        countActivity(ctx, deviceId, 'recoveriesFinished')
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
    const deviceId = requireDevice(ctx, request)
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
      countActivity(ctx, deviceId, 'recoveriesFinished')
    })()
    return send(reply, 204)
  })
}
