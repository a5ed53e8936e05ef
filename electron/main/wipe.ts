import type { WipeReason } from '@shared/ipc/events'
import type { AccountClient } from './account/http-client'
import type { EventChannel } from './event-channel'
import type { EventLog } from './event-log'
import { forgetPerson, type KioskState } from './kiosk-state'

/**
 * The one wipe (docs/product.md, "Kiosk behaviour"): main forgets the person at once (before
 * anything is awaited, so an answer landing from now on finds a new person, see
 * `ipc/person-bound.ts`), staff mode closes, their service session and any counter staff
 * session are signed out, the browser's
 * storage, cache and the clipboard are cleared, and only then is the renderer told to reset its
 * stores and go to Welcome. Idle, Start over, a finished flow, staff and a crash all end here.
 */
export function createWiper(deps: {
  state: KioskState
  client: AccountClient
  events: EventChannel
  log: EventLog
  clearBrowserData(): Promise<void>
  leaveStaffMode(): void
}) {
  let running: Promise<void> | undefined
  const listeners: ((reason: WipeReason) => void)[] = []
  async function wipe(reason: WipeReason, keepPendingLink: boolean): Promise<void> {
    const previous = forgetPerson(deps.state, { keepPendingLink })
    deps.leaveStaffMode()
    const steps: Promise<unknown>[] = [deps.clearBrowserData()]
    if (previous.sessionToken) steps.push(deps.client.signOut(previous.sessionToken))
    if (previous.staffSessionToken) steps.push(deps.client.staffSignOut(previous.staffSessionToken))
    const results = await Promise.allSettled(steps)
    const failed = results.filter((r) => r.status === 'rejected').length
    deps.log.info('kiosk.wiped', { reason, failed_steps: failed })
    deps.events.emit({ type: 'wiped', reason })
    for (const listener of listeners) listener(reason)
  }
  return {
    /** Runs after each wipe (the heartbeat, the restart window). */
    onWiped(listener: (reason: WipeReason) => void): void {
      listeners.push(listener)
    },
    /** Resolves once no wipe is running (a mail link waits for it, so the wipe cannot drop it). */
    settled: (): Promise<void> => running ?? Promise.resolve(),
    /** Concurrent wipes (idle and a click at the same moment) collapse into one. */
    wipe(reason: WipeReason, options: { keepPendingLink?: boolean } = {}): Promise<void> {
      running ??= wipe(reason, options.keepPendingLink ?? false).finally(() => {
        running = undefined
      })
      return running
    },
  }
}
