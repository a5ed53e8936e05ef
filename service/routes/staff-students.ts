import type { FastifyInstance, FastifyRequest } from 'fastify'
import { CorrectAddressRequest, StudentLookupRequest, type AuditAction } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { countActivity } from '../domain/activity'
import { auditedAction, auditStaffCall, type StaffCallAudit } from '../domain/audit'
import { requireStaff, type StaffCaller } from '../domain/staff-sessions'
import {
  correctAddress,
  endWaitingRegistration,
  handOver,
  liftSignInLock,
  resendInvitation,
  sendRecoveryMailFor,
} from '../domain/student-actions'
import { studentRecord } from '../domain/student-record'
import { parseInput, send } from '../http'

/**
 * The counter desk's look-up and actions: a named staff session on a counter device, one exact
 * address per call (in the body, never in a URL that ends up in proxy logs), and an audit row for
 * every call, whether it worked, was refused, or could not even be read (issue 25, rule 5).
 */
export function staffStudentRoutes(app: FastifyInstance, ctx: ServiceContext) {
  /** The staff member behind the call, recorded on the audit row as soon as known. */
  const staffCaller = async (
    request: FastifyRequest,
    audit: StaffCallAudit,
  ): Promise<StaffCaller> => {
    const caller = await requireStaff(ctx, request)
    audit.actor = { staffId: caller.staffId, deviceId: caller.deviceId }
    return caller
  }

  /** One action route: staff session, the address, the audited action, mail sent after commit. */
  const action = <T>(
    path: string,
    name: AuditAction,
    run: (tx: ServiceContext, email: string, caller: StaffCaller) => Promise<T>,
  ) =>
    app.post(path, (request: FastifyRequest, reply) =>
      auditStaffCall(ctx, request, name, async (audit) => {
        const caller = await staffCaller(request, audit)
        const { email } = parseInput(StudentLookupRequest, request.body)
        audit.target = email
        const answer = await auditedAction(ctx, audit, async (tx) => {
          const done = await run(tx, email, caller)
          await countActivity(tx, caller.deviceId, 'staffActions')
          return done
        })
        ctx.mailer.flush()
        return send(reply, 200, answer)
      }),
    )

  action('/v1/staff/lookups', 'lookup', (tx, email) => studentRecord(tx, email))
  action('/v1/staff/invitations/resend', 'resend_invitation', (tx, email) =>
    resendInvitation(tx, email),
  )
  action('/v1/staff/recovery-mails', 'send_recovery_mail', (tx, email) =>
    sendRecoveryMailFor(tx, email),
  )
  action('/v1/staff/sign-in-locks/lift', 'lift_lock', (tx, email) => liftSignInLock(tx, email))
  action('/v1/staff/registrations/end-waiting', 'end_waiting_registration', (tx, email) =>
    endWaitingRegistration(tx, email),
  )
  action('/v1/staff/handovers', 'start_registration', (tx, email, caller) =>
    handOver(tx, email, caller.tokenHash),
  )

  app.post('/v1/staff/invitations/correct', (request, reply) =>
    auditStaffCall(ctx, request, 'correct_address', async (audit) => {
      const caller = await staffCaller(request, audit)
      const input = parseInput(CorrectAddressRequest, request.body)
      audit.target = input.email
      audit.detail = input.newEmail
      const answer = await auditedAction(ctx, audit, async (tx) => {
        const done = await correctAddress(tx, input)
        await countActivity(tx, caller.deviceId, 'staffActions')
        return done
      })
      ctx.mailer.flush()
      return send(reply, 200, answer)
    }),
  )
}
