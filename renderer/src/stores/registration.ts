import { defineStore } from 'pinia'
import { computed, reactive, toRefs } from 'vue'
import type { LinkInfo } from '@shared/api/schemas'
import type { HandoverAccepted } from '@shared/api/staff'
import type { KioskError } from '@shared/errors'
import { kiosk } from '../kiosk'
import { clearErrorOnEdit, useAction, useErrorDetails } from './action'
import { useAppStore } from './app'
import {
  emailProblem,
  passwordPairProblems,
  problemsOf,
  requiredProblem,
  type FieldProblems,
  type PasswordPairProblems,
} from './field-checks'
import { cooldownEnd, useResend } from './resend'

export type IdentityField = 'firstName' | 'lastName' | 'email'
export type ConsentField = 'acceptTerms' | 'acceptPrivacy'
const identityFields: readonly IdentityField[] = ['firstName', 'lastName', 'email']

export interface PasswordStepProblems extends PasswordPairProblems {
  consents: FieldProblems<ConsentField>
}

const initial = () => ({
  draft: {
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    confirm: '',
    acceptTerms: false,
    acceptPrivacy: false,
  },
  emailLocked: false,
  identityConfirmed: false,
  maskedEmail: undefined as string | undefined,
  resendAvailableAt: 0,
  activated: false,
  busy: false,
  error: undefined as KioskError | undefined,
  notice: undefined as 'resent' | undefined,
})

/** Registration (identity, password, code, done): the draft, kept until the step that uses it succeeds. */
export const useRegistrationStore = defineStore('registration', () => {
  const app = useAppStore()
  const state = reactive(initial())
  const run = useAction(state)

  const { fieldErrors, failedRules } = useErrorDetails(state)
  clearErrorOnEdit(state, () => ({ ...state.draft }))

  /** The identity step's own checks, made before the address is shown for confirmation. */
  const identityProblems = computed(() =>
    problemsOf<IdentityField>({
      firstName: requiredProblem(state.draft.firstName),
      lastName: requiredProblem(state.draft.lastName),
      email: emailProblem(state.draft.email),
    }),
  )

  /** The password step's own checks: the password pair (against the person's names) and consents. */
  const passwordStepProblems = computed<PasswordStepProblems>(() => {
    const consents = problemsOf<ConsentField>({
      acceptTerms: state.draft.acceptTerms ? undefined : 'must_accept',
      acceptPrivacy: state.draft.acceptPrivacy ? undefined : 'must_accept',
    })
    const pair = passwordPairProblems(state.draft.password, state.draft.confirm, state.draft)
    return { ...pair, consents }
  })

  function clearErrors() {
    state.error = undefined
    state.notice = undefined
  }

  function reset() {
    Object.assign(state, initial())
  }

  /** An invitation link, or staff's hand-over at the counter: the invited address comes locked. */
  function startInvited(invited: Pick<LinkInfo, 'email' | 'firstName' | 'lastName'>) {
    reset()
    state.draft.email = invited.email ?? ''
    state.draft.firstName = invited.firstName ?? ''
    state.draft.lastName = invited.lastName ?? ''
    state.emailLocked = Boolean(invited.email)
  }
  const startFromInvitation = (link: LinkInfo) => startInvited(link)
  const startFromHandover = (handover: HandoverAccepted) => startInvited(handover)

  /** Sends the draft. A fault found with an identity field sends the person back to that step. */
  async function submit() {
    const { draft } = state
    const result = await run(() =>
      kiosk().registration.submit({
        firstName: draft.firstName,
        lastName: draft.lastName,
        email: draft.email,
        password: draft.password,
        locale: app.locale,
        acceptTerms: draft.acceptTerms,
        acceptPrivacy: draft.acceptPrivacy,
      }),
    )
    if (!result.ok) {
      if (identityFields.some((field) => fieldErrors.value[field])) state.identityConfirmed = false
      return false
    }
    state.maskedEmail = result.data.maskedEmail
    state.resendAvailableAt = cooldownEnd(result.data.resendAfterSeconds)
    // The password has done its job: it does not stay in the renderer any longer.
    draft.password = ''
    draft.confirm = ''
    return true
  }

  async function verify(code: string) {
    const result = await run(() => kiosk().registration.verify({ code }))
    if (result.ok) state.activated = true
    return result.ok
  }

  const resend = useResend(state, () => kiosk().registration.resend())

  /** True while the person has typed something worth asking about before discarding. */
  const inProgress = computed(
    () =>
      Boolean(
        state.draft.firstName || state.draft.lastName || state.draft.email || state.maskedEmail,
      ) && !state.activated,
  )

  return {
    ...toRefs(state),
    fieldErrors,
    failedRules,
    identityProblems,
    passwordStepProblems,
    inProgress,
    clearErrors,
    reset,
    startFromInvitation,
    startFromHandover,
    submit,
    verify,
    resend,
  }
})
