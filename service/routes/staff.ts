import type { FastifyInstance } from 'fastify'
import { StaffEnrolmentRequest, StaffSignInRequest } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { recordAudit } from '../domain/audit'
import { enrolStaff, findStaffByEmail } from '../domain/staff-accounts'
import {
  endStaffSession,
  requireCounterDevice,
  requireStaff,
  signInStaff,
  staffSessionAnswer,
} from '../domain/staff-sessions'
import { ApiError } from '../errors'
import { parseInput, send } from '../http'

/** The audit result of an async staff step that failed: its code (the error goes on). */
function failureCode(error: unknown): string {
  return error instanceof ApiError ? error.body.code : 'server_error'
}

/**
 * Staff accounts at the counter: enrolment with IT's one-time code, sign-in and sign-out. Only
 * counter devices reach them; each attempt, right or wrong, is in the audit.
 */
export function staffRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/staff/enrolments', async (request, reply) => {
    const deviceId = await requireCounterDevice(ctx, request)
    const input = parseInput(StaffEnrolmentRequest, request.body)
    const actor = { staffId: (await findStaffByEmail(ctx, input.email))?.id ?? null, deviceId }
    try {
      await enrolStaff(ctx, input)
    } catch (error) {
      await recordAudit(ctx, actor, { action: 'enrol', result: failureCode(error) })
      throw error
    }
    await recordAudit(ctx, actor, { action: 'enrol', result: 'ok' })
    return send(reply, 204)
  })

  app.post('/v1/staff/sessions', async (request, reply) => {
    const deviceId = await requireCounterDevice(ctx, request)
    const input = parseInput(StaffSignInRequest, request.body)
    const actor = { staffId: (await findStaffByEmail(ctx, input.email))?.id ?? null, deviceId }
    try {
      const session = await signInStaff(ctx, deviceId, input)
      await recordAudit(ctx, actor, { action: 'sign_in', result: 'ok' })
      return send(reply, 200, staffSessionAnswer({ ...session, name: session.staff.name }))
    } catch (error) {
      await recordAudit(ctx, actor, { action: 'sign_in', result: failureCode(error) })
      throw error
    }
  })

  app.delete('/v1/staff/sessions/current', async (request, reply) => {
    const caller = await requireStaff(ctx, request)
    await endStaffSession(ctx, caller.tokenHash)
    await recordAudit(ctx, caller, { action: 'sign_out', result: 'ok' })
    return send(reply, 204)
  })
}
