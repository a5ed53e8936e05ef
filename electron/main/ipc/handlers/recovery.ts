import { resolveMailLink } from '../../links/resolve-link'
import type { HandlerDeps } from '../handler-deps'
import type { IpcHandlers } from '../router'

type Channels =
  | 'recovery.request'
  | 'recovery.verify'
  | 'recovery.resend'
  | 'password.reset'
  | 'links.submit'
  | 'links.activate'

export function recoveryHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  const person = () => deps.state.person
  return {
    'recovery.request': async ({ email, locale }) => {
      const result = await deps.client.requestRecovery(email.trim(), locale)
      deps.log.info('recovery.requested', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      if (!result.ok) return result
      person().recovery = { id: result.data.recoveryId }
      return { ok: true, data: { resendAfterSeconds: result.data.resendAfterSeconds } }
    },
    'recovery.verify': async ({ code }) => {
      const recovery = person().recovery
      if (!recovery) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.verifyRecovery(recovery.id, code)
      deps.log.info('recovery.verified', {
        ok: result.ok,
        ...(result.ok ? { next: result.data.next } : { code: result.error.code }),
      })
      if (!result.ok) return result
      delete person().recovery
      if (result.data.resetToken) person().resetToken = result.data.resetToken
      return { ok: true, data: { next: result.data.next } }
    },
    'recovery.resend': async () => {
      const recovery = person().recovery
      if (!recovery) return { ok: false, error: { code: 'no_pending_flow' } }
      return deps.client.resendRecovery(recovery.id)
    },
    'password.reset': async ({ newPassword }) => {
      const resetToken = person().resetToken
      if (!resetToken) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.resetPassword(resetToken, newPassword)
      deps.log.info('password.reset', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      if (result.ok) {
        delete person().resetToken
        delete person().link
      }
      return result
    },
    'links.submit': async ({ raw }) => {
      const result = await resolveMailLink(raw, deps)
      if ('rejection' in result) return { ok: false, error: { code: 'link_invalid' } }
      return result
    },
    'links.activate': async () => {
      const link = person().link
      if (link?.kind !== 'activate') return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.activate(link.token)
      deps.log.info('link.activated', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      if (result.ok) delete person().link
      return result
    },
  }
}
