import type { FastifyInstance } from 'fastify'
import { StaffEnrolmentRequest, StaffSignInRequest } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { auditStaffCall, auditSucceeded } from '../domain/audit'
import { enrolStaff, findStaffByEmail } from '../domain/staff-accounts'
import {
  endStaffSession,
  requireCounterDevice,
  requireStaff,
  signInStaff,
  staffSessionAnswer,
} from '../domain/staff-sessions'
import { parseInput, send } from '../http'

/**
 * Staff accounts at the counter: enrolment with IT's one-time code, sign-in and sign-out. Only
 * counter devices reach them; each attempt, right, wrong or malformed, is in the audit.
 */
export function staffRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/staff/enrolments', (request, reply) =>
    auditStaffCall(ctx, request, 'enrol', async (audit) => {
      audit.actor.deviceId = (await requireCounterDevice(ctx, request)).deviceId
      const input = parseInput(StaffEnrolmentRequest, request.body)
      audit.actor.staffId = (await findStaffByEmail(ctx, input.email))?.id ?? null
      await enrolStaff(ctx, input)
      await auditSucceeded(ctx, audit)
      return send(reply, 204)
    }),
  )

  app.post('/v1/staff/sessions', (request, reply) =>
    auditStaffCall(ctx, request, 'sign_in', async (audit) => {
      const device = await requireCounterDevice(ctx, request)
      audit.actor.deviceId = device.deviceId
      const input = parseInput(StaffSignInRequest, request.body)
      audit.actor.staffId = (await findStaffByEmail(ctx, input.email))?.id ?? null
      const session = await signInStaff(ctx, device, input)
      await auditSucceeded(ctx, audit)
      return send(reply, 200, staffSessionAnswer({ ...session, name: session.staff.name }))
    }),
  )

  app.delete('/v1/staff/sessions/current', (request, reply) =>
    auditStaffCall(ctx, request, 'sign_out', async (audit) => {
      const caller = await requireStaff(ctx, request)
      audit.actor = { staffId: caller.staffId, deviceId: caller.deviceId }
      await endStaffSession(ctx, caller.tokenHash)
      await auditSucceeded(ctx, audit)
      return send(reply, 204)
    }),
  )
}
