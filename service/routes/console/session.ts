import type { FastifyInstance } from 'fastify'
import {
  ConsoleEnrolmentRequest,
  ConsolePasswordChange,
  ConsolePreferences,
  ConsoleSignInRequest,
  type ConsoleSession,
} from '@shared/api/console/accounts'
import { iso } from '../../clock'
import type { ServiceContext } from '../../context'
import { recordAudit } from '../../domain/audit'
import {
  consoleMe,
  enrolConsoleAccount,
  findConsoleAccount,
  findConsoleAccountByEmail,
  setConsolePreferences,
  type ConsoleAccountRow,
} from '../../domain/console-accounts'
import { changeConsolePassword } from '../../domain/console-password'
import { csrfTokenOf, endConsoleSession, signInConsole } from '../../domain/console-sessions'
import { ApiError } from '../../errors'
import { parseInput, send } from '../../http'
import { limits } from '../../limits'
import {
  clearSessionCookie,
  consoleCaller,
  requireSameOrigin,
  setSessionCookie,
} from './console-http'

const failureCode = (error: unknown) =>
  error instanceof ApiError ? error.body.code : 'server_error'

const sessionAnswer = (
  ctx: ServiceContext,
  account: ConsoleAccountRow,
  tokenHash: string,
  expiresAt: number,
): ConsoleSession => ({
  account: consoleMe(account),
  csrfToken: csrfTokenOf(ctx, tokenHash),
  expiresAt: iso(expiresAt),
  idleTimeoutSeconds: limits.consoleSessionIdleMs / 1000,
})

/**
 * Console sign-in, sign-out, the session the page reloads, enrolment with the one-time code, and
 * one's own preferences and password (docs/console.md). Sign-in, sign-out, enrolment and a
 * password change are audited.
 */
export function consoleSessionRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/console/enrolments', async (request, reply) => {
    requireSameOrigin(request)
    const input = parseInput(ConsoleEnrolmentRequest, request.body)
    const actor = {
      consoleAccountId: (await findConsoleAccountByEmail(ctx, input.email))?.id ?? null,
    }
    try {
      await enrolConsoleAccount(ctx, input)
    } catch (error) {
      await recordAudit(ctx, actor, { action: 'console_enrol', result: failureCode(error) })
      throw error
    }
    await recordAudit(ctx, actor, { action: 'console_enrol', result: 'ok' })
    return send(reply, 204)
  })

  app.post('/v1/console/session', async (request, reply) => {
    requireSameOrigin(request)
    const input = parseInput(ConsoleSignInRequest, request.body)
    const actor = {
      consoleAccountId: (await findConsoleAccountByEmail(ctx, input.email))?.id ?? null,
    }
    try {
      const session = await signInConsole(ctx, input)
      await recordAudit(ctx, actor, { action: 'console_sign_in', result: 'ok' })
      setSessionCookie(request, reply, session.token)
      return send(
        reply,
        200,
        sessionAnswer(ctx, session.account, session.tokenHash, session.expiresAt),
      )
    } catch (error) {
      await recordAudit(ctx, actor, { action: 'console_sign_in', result: failureCode(error) })
      throw error
    }
  })

  app.get('/v1/console/session', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, undefined)
    return send(reply, 200, sessionAnswer(ctx, caller.account, caller.tokenHash, caller.expiresAt))
  })

  app.delete('/v1/console/session', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, undefined)
    await endConsoleSession(ctx, caller.tokenHash)
    await recordAudit(ctx, caller.actor, { action: 'console_sign_out', result: 'ok' })
    clearSessionCookie(request, reply)
    return send(reply, 204)
  })

  app.post('/v1/console/password', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, undefined)
    const input = parseInput(ConsolePasswordChange, request.body)
    let renewed: Awaited<ReturnType<typeof changeConsolePassword>>
    try {
      renewed = await changeConsolePassword(ctx, caller, input)
    } catch (error) {
      await recordAudit(ctx, caller.actor, {
        action: 'console_password_change',
        result: failureCode(error),
      })
      throw error
    }
    await recordAudit(ctx, caller.actor, { action: 'console_password_change', result: 'ok' })
    // The same person, in a new session: a new cookie and CSRF token.
    setSessionCookie(request, reply, renewed.token)
    const account = (await findConsoleAccount(ctx, caller.account.id))!
    return send(reply, 200, sessionAnswer(ctx, account, renewed.tokenHash, renewed.expiresAt))
  })

  app.post('/v1/console/preferences', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, undefined)
    const preferences = parseInput(ConsolePreferences, request.body)
    // Alerts are the fleet's: only IT can ask for them.
    await setConsolePreferences(ctx, caller.account.id, {
      locale: preferences.locale,
      alerts: caller.account.role === 'it' ? preferences.alerts : undefined,
    })
    const account = (await findConsoleAccount(ctx, caller.account.id))!
    return send(reply, 200, sessionAnswer(ctx, account, caller.tokenHash, caller.expiresAt))
  })
}
