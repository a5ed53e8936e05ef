import type { FastifyInstance, FastifyRequest } from 'fastify'
import { CorrectAddressRequest, StudentLookupRequest, type AuditAction } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { countActivity } from '../domain/activity'
import { audited } from '../domain/audit'
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
 * every call, whether it worked or not.
 */
export function staffStudentRoutes(app: FastifyInstance, ctx: ServiceContext) {
  /** One action route: staff session, the address, the audited action, mail sent after commit. */
  const action = <T>(
    path: string,
    name: AuditAction,
    run: (tx: ServiceContext, email: string, caller: StaffCaller) => Promise<T>,
  ) =>
    app.post(path, async (request: FastifyRequest, reply) => {
      const caller = await requireStaff(ctx, request)
      const { email } = parseInput(StudentLookupRequest, request.body)
      const answer = await audited(ctx, caller, { action: name, target: email }, async (tx) => {
        const done = await run(tx, email, caller)
        await countActivity(tx, caller.deviceId, 'staffActions')
        return done
      })
      ctx.mailer.flush()
      return send(reply, 200, answer)
    })

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

  app.post('/v1/staff/invitations/correct', async (request, reply) => {
    const caller = await requireStaff(ctx, request)
    const { email, newEmail } = parseInput(CorrectAddressRequest, request.body)
    const answer = await audited(
      ctx,
      caller,
      { action: 'correct_address', target: email, detail: newEmail },
      async (tx) => {
        const done = await correctAddress(tx, email, newEmail)
        await countActivity(tx, caller.deviceId, 'staffActions')
        return done
      },
    )
    ctx.mailer.flush()
    return send(reply, 200, answer)
  })
}
