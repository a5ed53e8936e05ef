import { passwordResetDone, recoveryRequested, recoveryVerified } from '../../kiosk-state'
import type { HandlerDeps } from '../handler-deps'
import { logOutcome } from '../log-outcome'
import { forPerson } from '../person-bound'
import type { IpcHandlers } from '../router'

type Channels = 'recovery.request' | 'recovery.verify' | 'recovery.resend' | 'password.reset'

export function recoveryHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  return {
    'recovery.request': forPerson(deps.state, async ({ email, locale }, person) => {
      const result = await deps.client.requestRecovery(email.trim(), locale)
      logOutcome(deps.log, 'recovery.requested', result)
      if (!result.ok) return result
      recoveryRequested(person, result.data.recoveryId)
      return { ok: true, data: { resendAfterSeconds: result.data.resendAfterSeconds } }
    }),
    'recovery.verify': forPerson(deps.state, async ({ code }, person) => {
      if (!person.recovery) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.verifyRecovery(person.recovery.id, code)
      logOutcome(deps.log, 'recovery.verified', result, result.ok ? { next: result.data.next } : {})
      if (!result.ok) return result
      recoveryVerified(person, result.data.resetToken)
      return { ok: true, data: { next: result.data.next } }
    }),
    'recovery.resend': forPerson(deps.state, async (_request, person) => {
      if (!person.recovery) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.resendRecovery(person.recovery.id)
      logOutcome(deps.log, 'recovery.resent', result)
      return result
    }),
    'password.reset': forPerson(deps.state, async ({ newPassword }, person) => {
      if (!person.resetToken) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.resetPassword(person.resetToken, newPassword)
      logOutcome(deps.log, 'password.reset', result)
      if (result.ok) passwordResetDone(person)
      return result
    }),
  }
}
