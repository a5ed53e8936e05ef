import { isCurrent, signedIn, signedOut } from '../../kiosk-state'
import type { HandlerDeps } from '../handler-deps'
import { logOutcome } from '../log-outcome'
import { forPerson } from '../person-bound'
import type { IpcHandlers } from '../router'

type Channels = 'session.signIn' | 'session.signOut' | 'account.profile' | 'account.documents'

export function sessionHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  return {
    'session.signIn': forPerson(deps.state, async ({ email, password }, person) => {
      const result = await deps.client.signIn(email.trim(), password)
      logOutcome(deps.log, 'session.sign_in', result)
      if (!result.ok) return result
      if (!isCurrent(deps.state, person)) {
        // The person was wiped while the service said yes: the wipe could not sign this session
        // out, so it is undone here rather than left open at the service.
        const undone = await deps.client.signOut(result.data.sessionToken)
        logOutcome(deps.log, 'session.sign_in_undone', undone)
        return { ok: false, error: { code: 'no_pending_flow' } }
      }
      signedIn(person, result.data.sessionToken)
      return { ok: true, data: { expiresAt: result.data.expiresAt } }
    }),
    'session.signOut': async () => {
      const token = signedOut(deps.state.person)
      if (token) await deps.client.signOut(token)
      deps.log.info('session.sign_out')
      return { ok: true, data: {} }
    },
    'account.profile': forPerson(deps.state, async (_request, person) => {
      if (!person.sessionToken) return { ok: false, error: { code: 'session_expired' } }
      return deps.client.profile(person.sessionToken)
    }),
    'account.documents': forPerson(deps.state, async (_request, person) => {
      if (!person.sessionToken) return { ok: false, error: { code: 'session_expired' } }
      const result = await deps.client.documents(person.sessionToken)
      return result.ok ? { ok: true, data: result.data.documents } : result
    }),
  }
}
