import type { HandlerDeps } from '../handler-deps'
import type { IpcHandlers } from '../router'

type Channels = 'session.signIn' | 'session.signOut' | 'account.profile' | 'account.documents'

export function sessionHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  const person = () => deps.state.person
  return {
    'session.signIn': async ({ email, password }) => {
      const result = await deps.client.signIn(email.trim(), password)
      deps.log.info('session.sign_in', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      if (!result.ok) return result
      person().sessionToken = result.data.sessionToken
      return { ok: true, data: { expiresAt: result.data.expiresAt } }
    },
    'session.signOut': async () => {
      const token = person().sessionToken
      delete person().sessionToken
      if (token) await deps.client.signOut(token)
      deps.log.info('session.sign_out')
      return { ok: true, data: {} }
    },
    'account.profile': async () => {
      const token = person().sessionToken
      if (!token) return { ok: false, error: { code: 'session_expired' } }
      return deps.client.profile(token)
    },
    'account.documents': async () => {
      const token = person().sessionToken
      if (!token) return { ok: false, error: { code: 'session_expired' } }
      const result = await deps.client.documents(token)
      return result.ok ? { ok: true, data: result.data.documents } : result
    },
  }
}
