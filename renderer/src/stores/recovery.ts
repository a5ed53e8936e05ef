import { defineStore } from 'pinia'
import { computed, reactive, toRefs } from 'vue'
import type { KioskError } from '@shared/errors'
import { kiosk } from '../kiosk'
import { clearErrorOnEdit, useAction, useErrorDetails } from './action'
import { useAppStore } from './app'
import { emailProblem, passwordPairProblems, problemsOf } from './field-checks'
import { cooldownEnd, useResend } from './resend'

const initial = () => ({
  email: '',
  requested: false,
  resendAvailableAt: 0,
  /** Set by a verified reset code or a reset link: the new-password step may open. */
  mayResetPassword: false,
  outcome: undefined as 'activated' | 'passwordChanged' | undefined,
  newPassword: { password: '', confirm: '' },
  busy: false,
  error: undefined as KioskError | undefined,
  notice: undefined as 'resent' | undefined,
})

/** "I can't sign in": email → code → activated, or → a new password. */
export const useRecoveryStore = defineStore('recovery', () => {
  const app = useAppStore()
  const state = reactive(initial())
  const run = useAction(state)

  const { fieldErrors, failedRules } = useErrorDetails(state)
  clearErrorOnEdit(state, () => [
    state.email,
    state.newPassword.password,
    state.newPassword.confirm,
  ])
  const emailProblems = computed(() => problemsOf({ email: emailProblem(state.email) }))
  // The service also checks the account's name and address, which the kiosk does not know here.
  const newPasswordProblems = computed(() =>
    passwordPairProblems(state.newPassword.password, state.newPassword.confirm, {
      email: state.email,
    }),
  )

  function reset() {
    Object.assign(state, initial())
  }

  async function request() {
    const result = await run(() =>
      kiosk().recovery.request({ email: state.email, locale: app.locale }),
    )
    if (!result.ok) return false
    state.requested = true
    state.resendAvailableAt = cooldownEnd(result.data.resendAfterSeconds)
    return true
  }

  async function verify(code: string) {
    const result = await run(() => kiosk().recovery.verify({ code }))
    if (!result.ok) return undefined
    if (result.data.next === 'set_password') state.mayResetPassword = true
    else state.outcome = 'activated'
    return result.data.next
  }

  const resend = useResend(state, () => kiosk().recovery.resend())

  async function savePassword() {
    const result = await run(() =>
      kiosk().password.reset({ newPassword: state.newPassword.password }),
    )
    if (!result.ok) return false
    state.newPassword = { password: '', confirm: '' }
    state.mayResetPassword = false
    state.outcome = 'passwordChanged'
    return true
  }

  function allowPasswordReset() {
    state.mayResetPassword = true
  }

  const inProgress = computed(
    () => Boolean(state.email || state.requested || state.mayResetPassword) && !state.outcome,
  )

  return {
    ...toRefs(state),
    fieldErrors,
    failedRules,
    emailProblems,
    newPasswordProblems,
    inProgress,
    reset,
    request,
    verify,
    resend,
    savePassword,
    allowPasswordReset,
  }
})
