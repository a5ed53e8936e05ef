import type { ResendAccepted } from '@shared/api/schemas'
import type { Result } from '@shared/result'
import { useAction, type ActionState } from './action'

/** The moment "Resend the code" may be pressed again, `seconds` from now. */
export const cooldownEnd = (seconds: number) => Date.now() + seconds * 1000

/**
 * "Resend the code" of a flow's code step: a new code and a new cooldown; too soon, the
 * service's own wait on the countdown.
 */
export function useResend(
  state: ActionState & { resendAvailableAt: number; notice: 'resent' | undefined },
  send: () => Promise<Result<ResendAccepted>>,
) {
  const run = useAction(state)
  return async function resend() {
    const result = await run(send)
    if (!result.ok) {
      if (result.error.retryAfterSeconds)
        state.resendAvailableAt = cooldownEnd(result.error.retryAfterSeconds)
      return false
    }
    state.resendAvailableAt = cooldownEnd(result.data.resendAfterSeconds)
    state.notice = 'resent'
    return true
  }
}
