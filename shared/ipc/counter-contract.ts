import { z } from 'zod'
import { Password } from '../api/schemas'
import { HandoverAccepted, InvitationId, StaffActionDone, StudentRecord } from '../api/staff'

const None = z.undefined()
const Empty = z.strictObject({})
/** Typed as seen on screen; main and the service normalise it. */
const TypedEmail = z.string().max(320)

/**
 * The counter desk's channels (docs/product.md, "Counter desk"). The staff session token, and the
 * address being helped, stay in main: actions take no address from the page, they apply to the
 * student main looked up last, so a page cannot act for someone staff did not look up.
 */
export const counterContract = {
  'counter.enrol': {
    request: z.strictObject({ email: TypedEmail, code: z.string().max(40), password: Password }),
    response: Empty,
  },
  'counter.signIn': {
    request: z.strictObject({ email: TypedEmail, password: Password }),
    response: z.strictObject({ name: z.string() }),
  },
  'counter.signOut': { request: None, response: Empty },
  'counter.lookUp': { request: z.strictObject({ email: TypedEmail }), response: StudentRecord },
  'counter.resendInvitation': { request: None, response: StaffActionDone },
  /**
   * One invitation of the student looked up, chosen by staff; `confirmActiveAccount` is the second
   * confirmation the service asks for (`address_has_account`) when the new address has an account.
   */
  'counter.correctAddress': {
    request: z.strictObject({
      invitationId: InvitationId,
      newEmail: TypedEmail,
      confirmActiveAccount: z.literal(true).optional(),
    }),
    response: StaffActionDone,
  },
  'counter.sendRecoveryMail': { request: None, response: StaffActionDone },
  'counter.liftLock': { request: None, response: StaffActionDone },
  'counter.endWaitingRegistration': { request: None, response: StaffActionDone },
  /** The staff session ends; the page continues with the student's registration, address locked. */
  'counter.startRegistration': { request: None, response: HandoverAccepted },
  /** Someone touched the screen: the restart window waits for a quiet kiosk (docs/deployment.md). */
  'kiosk.activity': { request: None, response: Empty },
} as const
