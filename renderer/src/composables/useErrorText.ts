import { useI18n } from 'vue-i18n'
import type { FieldProblem, KioskError } from '@shared/errors'
import type { MessageSchema } from '../i18n'

/** The localized sentence for a typed error, with its numbers (attempts, minutes, seconds). */
export function useErrorText() {
  const { t } = useI18n<{ message: MessageSchema }>()
  function errorText(error: KioskError): string {
    const key = `errors.${error.code}` as const
    // A count of tries picks the message's plural form.
    if (error.attemptsLeft !== undefined)
      return t(key, { n: error.attemptsLeft }, error.attemptsLeft)
    const seconds = error.retryAfterSeconds ?? 0
    return t(key, {
      n: error.attemptsLeft ?? 0,
      seconds,
      minutes: Math.max(1, Math.ceil(seconds / 60)),
    })
  }
  /** The sentence for a field's problem; an address that is not one gets an example of one. */
  function fieldText(problem: FieldProblem, field?: string): string {
    return t(`fieldErrors.${field === 'email' && problem === 'invalid' ? 'email' : problem}`)
  }
  return { errorText, fieldText }
}
