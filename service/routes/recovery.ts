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
import {
  checkCode,
  cooldownLeft,
  findVerification,
  renewCode,
  type VerificationRow,
} from '../domain/verifications'
import { inTransaction, lockAddresses } from '../db/transactions'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'
import { limits } from '../limits'
import { enforcePasswordPolicy } from '../security/password-policy'

const IdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })

/**
 * Asking again during the cooldown returns the same recovery: the code already sent stays good.
 * That answer needs no transaction (the hot path: one read); starting a recovery takes the
 * address's lock and asks again under it, so of overlapping requests one starts it.
 */
async function askRecovery(ctx: ServiceContext, email: string, locale: Locale, deviceId: string) {
  const answerWith = (recent: VerificationRow) => ({
    recoveryId: recent.id,
    resendAfterSeconds: cooldownLeft(ctx, recent),
  })
  const recent = await recentRecovery(ctx, email)
  if (recent) return answerWith(recent)
  return inTransaction(ctx, async (tx) => {
    await lockAddresses(tx, email)
    const started = await recentRecovery(tx, email)
    if (started) return answerWith(started)
    const recovery = await startRecovery(tx, email, locale)
    await countActivity(tx, deviceId, 'recoveriesStarted')
    return { recoveryId: recovery.id, resendAfterSeconds: limits.resendCooldownMs / 1000 }
  })
}

export function recoveryRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/recovery', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { email, locale } = parseInput(RecoveryRequest, request.body)
    const answer = await askRecovery(ctx, email, locale, deviceId)
    ctx.mailer.flush()
    return send(reply, 202, answer)
  })

  app.post('/v1/recovery/:id/verify', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const { code } = parseInput(CodeRequest, request.body)
    const row = await findVerification(ctx, id, 'recovery')
    const answer = await checkCode(ctx, row, code, async (tx) => {
      if (row.effect === 'activate') {
        // The registration was replaced or activated meanwhile: this code activates nothing.
        if (!row.registration_id || !(await activateRegistration(tx, row.registration_id)))
          throw apiError(410, 'code_expired')
        await countActivity(tx, deviceId, 'accountsActivated')
        await countActivity(tx, deviceId, 'recoveriesFinished')
        return { next: 'sign_in' as const }
      }
      const account = row.account_id ? await findAccount(tx, row.account_id) : undefined
      if (!account) throw apiError(410, 'code_expired')
      const { token } = await issueLink(tx, 'reset', account.email, limits.resetLinkLifetimeMs, {
        accountId: account.id,
      })
      return { next: 'set_password' as const, resetToken: token }
    })
    return send(reply, 200, answer)
  })

  app.post('/v1/recovery/:id/resend', async (request, reply) => {
    await requireDevice(ctx, request)
    const { id } = parseInput(IdParams, request.params)
    const row = await findVerification(ctx, id, 'recovery')
    await renewCode(ctx, row, (tx, code) => sendRecoveryMail(tx, row, code))
    ctx.mailer.flush()
    return send(reply, 202, { resendAfterSeconds: limits.resendCooldownMs / 1000 })
  })

  app.post('/v1/password-resets', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { resetToken, newPassword } = parseInput(PasswordResetRequest, request.body)
    const link = await usableLink(ctx, resetToken, ['reset'])
    const account = await findAccountByEmail(ctx, link.email)
    if (!account) throw apiError(404, 'link_invalid')
    enforcePasswordPolicy(newPassword, {
      email: account.email,
      firstName: account.first_name,
      lastName: account.last_name,
    })
    const passwordHash = await ctx.hasher.hash(newPassword)
    await inTransaction(ctx, async (tx) => {
      await lockAddresses(tx, account.email)
      const now = tx.clock.now()
      // Spent in one statement: the same link used twice at once resets only once.
      await spendLink(tx, resetToken, ['reset'])
      await tx.db
        .updateTable('accounts')
        .set({ password_hash: passwordHash })
        .where('id', '=', account.id)
        .execute()
      await clearSignInThrottle(tx, account.email)
      await tx.db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('account_id', '=', account.id)
        .where('revoked_at', 'is', null)
        .execute()
      await tx.db
        .updateTable('link_tokens')
        .set({ used_at: now })
        .where('email', '=', account.email)
        .where('kind', '=', 'reset')
        .where('used_at', 'is', null)
        .execute()
      await countActivity(tx, deviceId, 'recoveriesFinished')
    })
    return send(reply, 204)
  })
}
