import * as staff from '@shared/api/staff'
import type { ServiceCall } from './service-call'

/**
 * The counter desk's calls to the service (docs/account-service.md, "Counter desk"). The staff
 * session token travels in `X-Staff-Session`, never in a URL; addresses travel in bodies.
 * Sign-in, enrolment and actions are `once` (a repeat could count a failure twice or send a
 * second mail); a look-up is `safe` (a retry only writes a second audit row).
 */
export function counterCalls(call: ServiceCall) {
  const asStaff = (token: string) => ({ 'X-Staff-Session': token })
  const act =
    <S extends typeof staff.StaffActionDone | typeof staff.HandoverAccepted>(
      url: string,
      schema: S,
    ) =>
    (token: string, email: string) =>
      call({ method: 'POST', url, data: { email }, headers: asStaff(token) }, 'once', schema)
  return {
    staffEnrol: (email: string, code: string, password: string) =>
      call(
        { method: 'POST', url: '/v1/staff/enrolments', data: { email, code, password } },
        'once',
        undefined,
      ),
    staffSignIn: (email: string, password: string) =>
      call(
        { method: 'POST', url: '/v1/staff/sessions', data: { email, password } },
        'once',
        staff.StaffSessionCreated,
      ),
    staffSignOut: (token: string) =>
      call(
        { method: 'DELETE', url: '/v1/staff/sessions/current', headers: asStaff(token) },
        'safe',
        undefined,
      ),
    lookUpStudent: (token: string, email: string) =>
      call(
        { method: 'POST', url: '/v1/staff/lookups', data: { email }, headers: asStaff(token) },
        'safe',
        staff.StudentRecord,
      ),
    resendInvitation: act('/v1/staff/invitations/resend', staff.StaffActionDone),
    sendRecoveryMail: act('/v1/staff/recovery-mails', staff.StaffActionDone),
    liftSignInLock: act('/v1/staff/sign-in-locks/lift', staff.StaffActionDone),
    endWaitingRegistration: act('/v1/staff/registrations/end-waiting', staff.StaffActionDone),
    handOver: act('/v1/staff/handovers', staff.HandoverAccepted),
    correctAddress: (
      token: string,
      email: string,
      correction: { invitationId: string; newEmail: string; confirmActiveAccount?: true },
    ) =>
      call(
        {
          method: 'POST',
          url: '/v1/staff/invitations/correct',
          data: { email, ...correction },
          headers: asStaff(token),
        },
        'once',
        staff.StaffActionDone,
      ),
  }
}
