import { ref } from 'vue'
import {
  compositionRules,
  failedLocalRules,
  type PasswordRule,
  type PersonalInfo,
} from '../../../shared/password-policy'
import { useErrorText } from './useErrorText'

/**
 * The checks a new password and its confirmation get before they are sent (the same rules as the
 * service, from `shared/`): used by registration and by the new-password step of recovery.
 */
export function usePasswordPair(
  password: () => string,
  confirm: () => string,
  person: () => PersonalInfo,
) {
  const { errorText, fieldText } = useErrorText()
  const passwordError = ref<string>()
  const confirmError = ref<string>()
  /** Rules the checklist cannot show live (name or email inside, too long), found at submit. */
  const extraFailed = ref<PasswordRule[]>([])

  function check(): boolean {
    passwordError.value = undefined
    confirmError.value = undefined
    const failed = password() ? failedLocalRules(password(), person()) : []
    extraFailed.value = failed.filter(
      (rule) => !(compositionRules as readonly string[]).includes(rule),
    )
    if (!password()) passwordError.value = fieldText('required')
    else if (failed.length > 0) passwordError.value = errorText({ code: 'password_policy' })
    if (!confirm()) confirmError.value = fieldText('required')
    else if (confirm() !== password()) confirmError.value = fieldText('mismatch')
    return !passwordError.value && !confirmError.value
  }

  function focusFirstProblem(ids: [string, string], others: Record<string, string> = {}) {
    const target = passwordError.value ? ids[0] : confirmError.value ? ids[1] : undefined
    if (target) document.getElementById(target)?.focus()
    else if (others.acceptTerms) document.getElementById('accept-terms')?.focus()
    else if (others.acceptPrivacy) document.getElementById('accept-privacy')?.focus()
  }

  return { passwordError, confirmError, extraFailed, check, focusFirstProblem }
}
