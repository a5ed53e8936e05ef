import { defineStore } from 'pinia'
import { reactive, toRefs } from 'vue'
import type { HandoverAccepted, StaffActionDone, StudentRecord } from '@shared/api/staff'
import type { KioskError } from '@shared/errors'
import type { Result } from '@shared/result'
import { kiosk } from '../kiosk'
import { useAction } from './action'

/** The actions the counter desk offers on the student it has open (each confirmed first). */
export type CounterAction =
  'resendInvitation' | 'correctAddress' | 'sendRecoveryMail' | 'liftLock' | 'endWaitingRegistration'

/** What the last action did, in words the screen has (`counter.notices.*`). */
export type CounterNotice =
  | 'resendInvitation'
  | 'correctAddress'
  | 'activation'
  | 'reset'
  | 'liftLock'
  | 'endWaitingRegistration'
  | 'enrolled'

const initial = () => ({
  /** The staff member signed in (their name); main holds their session. */
  staffName: undefined as string | undefined,
  /** The student the desk has open, as the service last described them. */
  record: undefined as StudentRecord | undefined,
  busy: false,
  error: undefined as KioskError | undefined,
  notice: undefined as CounterNotice | undefined,
})

/**
 * The counter desk (docs/product.md, "Counter desk"): who is signed in, the student open, the last
 * outcome. Main and the service decide; this only shows. A staff session the service ended
 * closes the desk.
 */
export const useCounterStore = defineStore('counter', () => {
  const state = reactive(initial())
  const run = useAction(state, {
    onError: (error) => {
      if (error.code === 'staff_session_expired') {
        state.staffName = undefined
        state.record = undefined
      }
    },
  })

  async function enrol(email: string, code: string, password: string) {
    const result = await run(() => kiosk().counter.enrol({ email, code, password }))
    if (result.ok) state.notice = 'enrolled'
    return result.ok
  }

  async function signIn(email: string, password: string) {
    const result = await run(() => kiosk().counter.signIn({ email, password }))
    if (result.ok) state.staffName = result.data.name
    return result.ok
  }

  async function signOut() {
    await kiosk().counter.signOut()
    reset()
  }

  async function lookUp(email: string) {
    const result = await run(() => kiosk().counter.lookUp({ email }))
    if (result.ok) state.record = result.data
    return result.ok
  }

  /** An action's answer: the student's record as it now is, and what was done. */
  async function apply(
    call: () => Promise<Result<StaffActionDone>>,
    notice: (done: StaffActionDone) => CounterNotice,
  ) {
    const result = await run(call)
    if (!result.ok) return false
    state.record = result.data.record
    state.notice = notice(result.data)
    return true
  }

  const act = (action: Exclude<CounterAction, 'correctAddress'>) =>
    apply(
      () => kiosk().counter[action](),
      (done) =>
        action === 'sendRecoveryMail' ? (done.sent === 'reset' ? 'reset' : 'activation') : action,
    )

  /** One invitation to a corrected address; `confirmed`: the second confirmation was given. */
  const correctAddress = (invitationId: string, newEmail: string, confirmed = false) =>
    apply(
      () =>
        kiosk().counter.correctAddress({
          invitationId,
          newEmail,
          ...(confirmed ? { confirmActiveAccount: true as const } : {}),
        }),
      () => 'correctAddress',
    )

  /** Ends the staff session (main and the service); the student's registration starts next. */
  async function startRegistration(): Promise<HandoverAccepted | undefined> {
    const result = await run(() => kiosk().counter.startRegistration())
    if (!result.ok) return undefined
    reset()
    return result.data
  }

  function reset() {
    Object.assign(state, initial())
  }

  return {
    ...toRefs(state),
    enrol,
    signIn,
    signOut,
    lookUp,
    act,
    correctAddress,
    startRegistration,
    reset,
  }
})
