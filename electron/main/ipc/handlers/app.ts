import type { HandlerDeps } from '../handler-deps'
import { forPerson } from '../person-bound'
import type { IpcHandlers } from '../router'

export function appHandlers(
  deps: HandlerDeps,
): Pick<IpcHandlers, 'app.info' | 'app.ready' | 'kiosk.wipe' | 'kiosk.activity' | 'demo.outbox'> {
  return {
    'app.info': () => ({ ok: true, data: deps.appInfo() }),
    'app.ready': () => {
      deps.rendererReady()
      return { ok: true, data: {} }
    },
    'kiosk.activity': () => {
      deps.activity()
      return { ok: true, data: {} }
    },
    'kiosk.wipe': async ({ reason, keepPendingLink }) => {
      await deps.wipe(reason, { keepPendingLink: keepPendingLink ?? false })
      return { ok: true, data: {} }
    },
    // The demo mailbox exists only in the demo: a production kiosk never reads anyone's mail.
    // Its answer holds codes, so one landing after a wipe is dropped like any person's answer.
    'demo.outbox': forPerson(deps.state, async ({ to }) => {
      if (!deps.appInfo().demo) return { ok: false, error: { code: 'not_found' } }
      return deps.client.outbox(to.trim().toLowerCase())
    }),
  }
}
