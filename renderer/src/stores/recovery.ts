import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { FieldProblem, KioskError } from '../../../shared/errors'
import type { PasswordRule } from '../../../shared/password-policy'
import { kiosk } from '../kiosk'
import { useAppStore } from './app'

/** Seed step 06: "I can't sign in" → code → activated, or → a new password. */
export const useRecoveryStore = defineStore('recovery', () => {
  const app = useAppStore()
  const email = ref('')
  const requested = ref(false)
  const resendAvailableAt = ref(0)
  /** Set by a verified reset code or a reset link: the new-password step may open. */
  const mayResetPassword = ref(false)
  const outcome = ref<'activated' | 'passwordChanged'>()
  const newPassword = reactive({ password: '', confirm: '' })
  const busy = ref(false)
  const error = ref<KioskError>()
  const fieldErrors = ref<Record<string, FieldProblem>>({})
  const failedRules = ref<PasswordRule[]>([])
  const notice = ref<'resent'>()

  function clearErrors() {
    error.value = undefined
    fieldErrors.value = {}
    failedRules.value = []
    notice.value = undefined
  }

  async function run<T>(call: () => Promise<import('../../../shared/result').Result<T>>) {
    clearErrors()
    busy.value = true
    try {
      const result = await app.track(call())
      if (!result.ok) {
        error.value = result.error
        fieldErrors.value = result.error.fields ?? {}
        failedRules.value = result.error.rules ?? []
      }
      return result
    } finally {
      busy.value = false
    }
  }

  async function request() {
    const result = await run(() =>
      kiosk().recovery.request({ email: email.value, locale: app.locale }),
    )
    if (!result.ok) return false
    requested.value = true
    resendAvailableAt.value = Date.now() + result.data.resendAfterSeconds * 1000
    return true
  }

  async function verify(code: string) {
    const result = await run(() => kiosk().recovery.verify({ code }))
    if (!result.ok) return undefined
    if (result.data.next === 'set_password') mayResetPassword.value = true
    else outcome.value = 'activated'
    return result.data.next
  }

  async function resend() {
    const result = await run(() => kiosk().recovery.resend())
    if (!result.ok) {
      if (result.error.retryAfterSeconds)
        resendAvailableAt.value = Date.now() + result.error.retryAfterSeconds * 1000
      return false
    }
    resendAvailableAt.value = Date.now() + result.data.resendAfterSeconds * 1000
    notice.value = 'resent'
    return true
  }

  async function savePassword() {
    const result = await run(() => kiosk().password.reset({ newPassword: newPassword.password }))
    if (!result.ok) return false
    newPassword.password = ''
    newPassword.confirm = ''
    mayResetPassword.value = false
    outcome.value = 'passwordChanged'
    return true
  }

  function allowPasswordReset() {
    mayResetPassword.value = true
  }

  function reset() {
    email.value = ''
    requested.value = false
    resendAvailableAt.value = 0
    mayResetPassword.value = false
    outcome.value = undefined
    newPassword.password = ''
    newPassword.confirm = ''
    busy.value = false
    clearErrors()
  }

  const inProgress = () =>
    Boolean(email.value || requested.value || mayResetPassword.value) && !outcome.value

  return {
    email,
    requested,
    resendAvailableAt,
    mayResetPassword,
    outcome,
    newPassword,
    busy,
    error,
    fieldErrors,
    failedRules,
    notice,
    request,
    verify,
    resend,
    savePassword,
    allowPasswordReset,
    reset,
    inProgress,
  }
})
