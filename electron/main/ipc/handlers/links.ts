import { followPendingLink, isCurrent, linkActivated, linkPending } from '../../kiosk-state'
import { resolveMailLink } from '../../links/resolve-link'
import type { HandlerDeps } from '../handler-deps'
import { logOutcome } from '../log-outcome'
import { forPerson } from '../person-bound'
import type { IpcHandlers } from '../router'

type Channels = 'links.submit' | 'links.follow' | 'links.activate'

export function linkHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  return {
    // A typed or scanned link waits, like one from the OS, until the renderer follows it.
    'links.submit': forPerson(deps.state, async ({ raw }, person) => {
      const resolution = await resolveMailLink(raw, deps)
      if ('rejection' in resolution) return { ok: false, error: { code: 'link_invalid' } }
      if (!resolution.ok) return resolution
      if (isCurrent(deps.state, person)) linkPending(deps.state, resolution.link)
      return { ok: true, data: resolution.info }
    }),
    'links.follow': () =>
      followPendingLink(deps.state)
        ? { ok: true, data: {} }
        : { ok: false, error: { code: 'no_pending_flow' } },
    'links.activate': forPerson(deps.state, async (_request, person) => {
      if (person.link?.kind !== 'activate') return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.activate(person.link.token)
      logOutcome(deps.log, 'link.activated', result)
      if (result.ok) linkActivated(person)
      return result
    }),
  }
}
