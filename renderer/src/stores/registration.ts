import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { FieldProblem, KioskError } from '../../../shared/errors'
import type { LinkInfo } from '../../../shared/api/schemas'
import type { PasswordRule } from '../../../shared/password-policy'
import { kiosk } from '../kiosk'
import { useAppStore } from './app'

const emptyDraft = () => ({
  firstName: '',
  lastName: '',
  email: '',
  password: '',
  confirm: '',
  acceptTerms: false,
  acceptPrivacy: false,
})

/** Seed steps 02–04: the registration draft, kept until the step that uses it succeeds. */
export const useRegistrationStore = defineStore('registration', () => {
  const app = useAppStore()
  const draft = reactive(emptyDraft())
  const emailLocked = ref(false)
  const identityConfirmed = ref(false)
  const maskedEmail = ref<string>()
  const resendAvailableAt = ref(0)
  const activated = ref(false)
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

  function startFromInvitation(link: LinkInfo) {
    reset()
    draft.email = link.email ?? ''
    draft.firstName = link.firstName ?? ''
    draft.lastName = link.lastName ?? ''
    emailLocked.value = Boolean(link.email)
  }

  async function submit() {
    clearErrors()
    busy.value = true
    try {
      const result = await app.track(
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
        error.value = result.error
        fieldErrors.value = result.error.fields ?? {}
        failedRules.value = result.error.rules ?? []
        return false
      }
      maskedEmail.value = result.data.maskedEmail
      resendAvailableAt.value = Date.now() + result.data.resendAfterSeconds * 1000
      // The password has done its job: it does not stay in the renderer any longer.
      draft.password = ''
      draft.confirm = ''
      return true
    } finally {
      busy.value = false
    }
  }

  async function verify(code: string) {
    clearErrors()
    busy.value = true
    try {
      const result = await app.track(kiosk().registration.verify({ code }))
      if (!result.ok) {
        error.value = result.error
        return false
      }
      activated.value = true
      return true
    } finally {
      busy.value = false
    }
  }

  async function resend() {
    clearErrors()
    busy.value = true
    try {
      const result = await app.track(kiosk().registration.resend())
      if (!result.ok) {
        error.value = result.error
        if (result.error.retryAfterSeconds)
          resendAvailableAt.value = Date.now() + result.error.retryAfterSeconds * 1000
        return false
      }
      resendAvailableAt.value = Date.now() + result.data.resendAfterSeconds * 1000
      notice.value = 'resent'
      return true
    } finally {
      busy.value = false
    }
  }

  function reset() {
    Object.assign(draft, emptyDraft())
    emailLocked.value = false
    identityConfirmed.value = false
    maskedEmail.value = undefined
    resendAvailableAt.value = 0
    activated.value = false
    busy.value = false
    clearErrors()
  }

  /** True while the person has typed something worth asking about before discarding. */
  const inProgress = () =>
    Boolean(draft.firstName || draft.lastName || draft.email || maskedEmail.value) &&
    !activated.value

  return {
    draft,
    emailLocked,
    identityConfirmed,
    maskedEmail,
    resendAvailableAt,
    activated,
    busy,
    error,
    fieldErrors,
    failedRules,
    notice,
    clearErrors,
    startFromInvitation,
    submit,
    verify,
    resend,
    reset,
    inProgress,
  }
})
