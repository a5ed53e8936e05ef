import type { FastifyInstance } from 'fastify'
import {
  AccountTarget,
  AddConsoleAccountRequest,
  AddStaffRequest,
} from '@shared/api/console/accounts'
import { iso } from '../../clock'
import type { ServiceContext } from '../../context'
import { audited } from '../../domain/audit'
import {
  addConsoleAccount,
  disableConsoleAccount,
  findConsoleAccountByEmail,
  listConsoleAccounts,
  resetConsoleAccount,
} from '../../domain/console-accounts'
import { liftConsoleLock } from '../../domain/console-sessions'
import { addStaff, disableStaff, findStaffByEmail, resetStaff } from '../../domain/staff-accounts'
import { liftStaffLock, staffDirectory } from '../../domain/staff-directory'
import { apiError } from '../../errors'
import { parseInput, send } from '../../http'
import { limits } from '../../limits'
import { consoleCaller } from './console-http'

const codeAnswer = (ctx: ServiceContext, code: string) => ({
  code,
  expiresAt: iso(ctx.clock.now() + limits.enrolmentCodeLifetimeMs),
})

/**
 * The people pages' API (docs/console.md): counter staff (IT and the registrar) and console
 * accounts (IT). Add and reset answer a one-time enrolment code, shown once; every action is
 * audited with the address it was for. Addresses travel in bodies, never in URLs.
 */
export function consoleAccountRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get('/v1/console/staff', async (request, reply) => {
    await consoleCaller(ctx, request, 'staff')
    return send(reply, 200, { accounts: await staffDirectory(ctx) })
  })

  app.post('/v1/console/staff', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'staff')
    const { email, name } = parseInput(AddStaffRequest, request.body)
    const code = await audited(
      ctx,
      caller.actor,
      { action: 'staff_add', target: email },
      async (tx) => {
        if (await findStaffByEmail(tx, email))
          throw apiError(409, 'validation_failed', { fields: { email: 'invalid' } })
        return addStaff(tx, email, name)
      },
    )
    return send(reply, 201, codeAnswer(ctx, code))
  })

  app.post('/v1/console/staff/reset', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'staff')
    const { email } = parseInput(AccountTarget, request.body)
    const code = await audited(
      ctx,
      caller.actor,
      { action: 'staff_reset', target: email },
      async (tx) => {
        if (!(await findStaffByEmail(tx, email))) throw apiError(404, 'not_found')
        return resetStaff(tx, email)
      },
    )
    return send(reply, 200, codeAnswer(ctx, code))
  })

  app.post('/v1/console/staff/disable', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'staff')
    const { email } = parseInput(AccountTarget, request.body)
    await audited(ctx, caller.actor, { action: 'staff_disable', target: email }, async (tx) => {
      if (!(await findStaffByEmail(tx, email))) throw apiError(404, 'not_found')
      await disableStaff(tx, email)
    })
    return send(reply, 204)
  })

  app.post('/v1/console/staff/unlock', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'staff')
    const { email } = parseInput(AccountTarget, request.body)
    await audited(ctx, caller.actor, { action: 'staff_unlock', target: email }, async (tx) => {
      if (!(await findStaffByEmail(tx, email))) throw apiError(404, 'not_found')
      if (!(await liftStaffLock(tx, email))) throw apiError(409, 'not_applicable')
    })
    return send(reply, 204)
  })

  app.get('/v1/console/accounts', async (request, reply) => {
    await consoleCaller(ctx, request, 'consoleAccounts')
    return send(reply, 200, { accounts: await listConsoleAccounts(ctx) })
  })

  app.post('/v1/console/accounts', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'consoleAccounts')
    const input = parseInput(AddConsoleAccountRequest, request.body)
    const added = await audited(
      ctx,
      caller.actor,
      { action: 'console_account_add', target: input.email, detail: input.role },
      (tx) => addConsoleAccount(tx, input),
    )
    return send(reply, 201, { code: added.code, expiresAt: iso(added.expiresAt) })
  })

  app.post('/v1/console/accounts/reset', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'consoleAccounts')
    const { email } = parseInput(AccountTarget, request.body)
    const reset = await audited(
      ctx,
      caller.actor,
      { action: 'console_account_reset', target: email },
      (tx) => resetConsoleAccount(tx, email),
    )
    return send(reply, 200, { code: reset.code, expiresAt: iso(reset.expiresAt) })
  })

  app.post('/v1/console/accounts/disable', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'consoleAccounts')
    const { email } = parseInput(AccountTarget, request.body)
    // Nobody disables themselves by mistake and locks IT out of its own console.
    if (email === caller.account.email) throw apiError(409, 'not_applicable')
    await audited(ctx, caller.actor, { action: 'console_account_disable', target: email }, (tx) =>
      disableConsoleAccount(tx, email),
    )
    return send(reply, 204)
  })

  app.post('/v1/console/accounts/unlock', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'consoleAccounts')
    const { email } = parseInput(AccountTarget, request.body)
    await audited(
      ctx,
      caller.actor,
      { action: 'console_account_unlock', target: email },
      async (tx) => {
        if (!(await findConsoleAccountByEmail(tx, email))) throw apiError(404, 'not_found')
        if (!(await liftConsoleLock(tx, email))) throw apiError(409, 'not_applicable')
      },
    )
    return send(reply, 204)
  })
}
