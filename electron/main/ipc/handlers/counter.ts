import type { Result } from '@shared/result'
import type { AccountClient } from '../../account/http-client'
import {
  handedOver,
  isCurrent,
  staffSignedIn,
  staffSignedOut,
  studentOpened,
  type PersonState,
} from '../../kiosk-state'
import type { HandlerDeps } from '../handler-deps'
import { logOutcome } from '../log-outcome'
import { forPerson } from '../person-bound'
import type { IpcHandlers } from '../router'

type Channels =
  | 'counter.enrol'
  | 'counter.signIn'
  | 'counter.signOut'
  | 'counter.lookUp'
  | 'counter.resendInvitation'
  | 'counter.correctAddress'
  | 'counter.sendRecoveryMail'
  | 'counter.liftLock'
  | 'counter.endWaitingRegistration'
  | 'counter.startRegistration'

type StudentAction = (
  client: AccountClient,
  token: string,
  student: string,
) => ReturnType<AccountClient['resendInvitation']>

/**
 * The counter desk (docs/product.md, "Counter desk"). Main holds the named staff member's session
 * token and the address of the student being helped, both with the person at the kiosk, so the
 * wipe ends them; the page never sees the token and cannot point an action at an address staff
 * did not look up. The service decides what staff may do (docs/account-service.md); the log gets
 * the channel and the outcome's code, never an address.
 */
export function counterHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  /** A staff call for the person at the kiosk; a session the service ended is forgotten here too. */
  const asStaff = <Request, Response>(
    event: string,
    call: (request: Request, person: PersonState, token: string) => Promise<Result<Response>>,
  ) =>
    forPerson(deps.state, async (request: Request, person): Promise<Result<Response>> => {
      const token = person.staffSessionToken
      if (!token) return { ok: false, error: { code: 'staff_session_expired' } }
      const result = await call(request, person, token)
      logOutcome(deps.log, event, result)
      if (!result.ok && result.error.code === 'staff_session_expired') staffSignedOut(person)
      return result
    })

  /** An action on the student looked up last; its answer is that student's record as it now is. */
  const onStudent = (event: string, action: StudentAction) =>
    asStaff(event, async (_request: undefined, person, token) => {
      if (!person.counterStudent) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await action(deps.client, token, person.counterStudent)
      if (result.ok) studentOpened(person, result.data.record.email)
      return result
    })

  return {
    'counter.enrol': forPerson(deps.state, async ({ email, code, password }) => {
      const result = await deps.client.staffEnrol(email.trim(), code, password)
      logOutcome(deps.log, 'counter.enrol', result)
      return result
    }),
    'counter.signIn': forPerson(deps.state, async ({ email, password }, person) => {
      const result = await deps.client.staffSignIn(email.trim(), password)
      logOutcome(deps.log, 'counter.sign_in', result)
      if (!result.ok) return result
      if (!isCurrent(deps.state, person)) {
        // Wiped while the service said yes: nobody holds this session, so it ends now.
        await deps.client.staffSignOut(result.data.staffSessionToken)
        return { ok: false, error: { code: 'no_pending_flow' } }
      }
      const previous = staffSignedOut(person)
      if (previous) void deps.client.staffSignOut(previous)
      staffSignedIn(person, result.data.staffSessionToken)
      return { ok: true, data: { name: result.data.name } }
    }),
    'counter.signOut': async () => {
      const token = staffSignedOut(deps.state.person)
      if (token) logOutcome(deps.log, 'counter.sign_out', await deps.client.staffSignOut(token))
      return { ok: true, data: {} }
    },
    'counter.lookUp': asStaff('counter.look_up', async ({ email }, person, token) => {
      const result = await deps.client.lookUpStudent(token, email.trim())
      if (result.ok) studentOpened(person, result.data.email)
      return result
    }),
    'counter.resendInvitation': onStudent('counter.resend_invitation', (client, token, student) =>
      client.resendInvitation(token, student),
    ),
    'counter.correctAddress': asStaff(
      'counter.correct_address',
      async (
        correction: { invitationId: string; newEmail: string; confirmActiveAccount?: true },
        person,
        token,
      ) => {
        if (!person.counterStudent) return { ok: false, error: { code: 'no_pending_flow' } }
        // The invitation must be one of the student looked up: the service checks it belongs to
        // that address (`not_applicable` otherwise), so a page cannot move another's invitation.
        const result = await deps.client.correctAddress(token, person.counterStudent, {
          ...correction,
          newEmail: correction.newEmail.trim(),
        })
        if (result.ok) studentOpened(person, result.data.record.email)
        return result
      },
    ),
    'counter.sendRecoveryMail': onStudent('counter.send_recovery_mail', (client, token, student) =>
      client.sendRecoveryMail(token, student),
    ),
    'counter.liftLock': onStudent('counter.lift_lock', (client, token, student) =>
      client.liftSignInLock(token, student),
    ),
    'counter.endWaitingRegistration': onStudent(
      'counter.end_waiting_registration',
      (client, token, student) => client.endWaitingRegistration(token, student),
    ),
    'counter.startRegistration': asStaff(
      'counter.start_registration',
      async (_request: undefined, person, token) => {
        if (!person.counterStudent) return { ok: false, error: { code: 'no_pending_flow' } }
        const result = await deps.client.handOver(token, person.counterStudent)
        if (result.ok) handedOver(person, result.data.email)
        return result
      },
    ),
  }
}
