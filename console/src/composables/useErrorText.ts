import { useI18n } from 'vue-i18n'
import type { KioskError } from '@shared/errors'

/** What the console says for each error its service can answer; anything else is "unknown". */
const explained = [
  'validation_failed',
  'password_policy',
  'invalid_code',
  'code_expired',
  'too_many_attempts',
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'session_expired',
  'forbidden',
  'not_found',
  'not_applicable',
  'service_unreachable',
  'server_error',
] as const

/** An error as the console's API client keeps it: the service's body and the HTTP status. */
export type ConsoleError = KioskError & { status?: number }

/** A service error in the person's language. */
export function useErrorText() {
  const { t } = useI18n()
  return (error: ConsoleError | undefined): string => {
    if (!error) return ''
    if (error.status === 409 && error.code === 'validation_failed') return t('errors.conflict')
    const key = explained.find((candidate) => candidate === error.code) ?? 'unknown'
    return t(`errors.${key}`, { minutes: Math.ceil((error.retryAfterSeconds ?? 900) / 60) })
  }
}

/** A field's problem, in the person's language ("already used" for a 409). */
export function useFieldText() {
  const { t } = useI18n()
  return (error: ConsoleError | undefined, field: string): string => {
    const problem = error?.fields?.[field]
    if (!problem) return ''
    if (error?.status === 409) return t('fields.taken')
    if (field === 'email' && problem === 'invalid') return t('fields.email')
    return t(problem === 'required' ? 'fields.required' : 'fields.invalid')
  }
}
