import type { ConsoleFleet } from '@shared/api/console/fleet'
import { iso } from './clock'
import type { ServiceContext } from './context'
import { consoleFleet } from './domain/fleet'
import { dispatchFleetAlerts, recordFleetChanges } from './domain/fleet-alerts'

export type FleetListener = (fleet: ConsoleFleet, changed: boolean) => void

export interface FleetWatch {
  /** Look now (after a heartbeat, or a change IT made), coalesced with a look already due. */
  poke(): void
  /** Called at every look, with whether the fleet changed since the one before. */
  subscribe(listener: FleetListener): () => void
  current(): ConsoleFleet
  stop(): void
}

/**
 * The service's eye on the fleet (docs/console.md): at every heartbeat and every `everyMs` (a
 * kiosk turns stale by saying nothing, so time alone must be watched), it reads every device's
 * state, records the changes worth an alert, mails them, and tells the console's live pages.
 */
export function startFleetWatch(ctx: ServiceContext, everyMs: number): FleetWatch {
  const listeners = new Set<FleetListener>()
  let last = ''
  let due: NodeJS.Immediate | undefined

  function look(): ConsoleFleet {
    const devices = consoleFleet(ctx)
    recordFleetChanges(ctx, devices)
    dispatchFleetAlerts(ctx)
    ctx.mailer.flush()
    const fleet = { at: iso(ctx.clock.now()), devices }
    const seen = JSON.stringify(devices)
    const changed = seen !== last
    last = seen
    for (const listener of listeners) listener(fleet, changed)
    return fleet
  }

  function safeLook() {
    due = undefined
    try {
      look()
    } catch (error) {
      console.error(`fleet watch failed: ${(error as Error).name}`)
    }
  }

  const timer = setInterval(safeLook, everyMs)
  timer.unref()

  return {
    poke() {
      due ??= setImmediate(safeLook)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    current: () => ({ at: iso(ctx.clock.now()), devices: consoleFleet(ctx) }),
    stop() {
      clearInterval(timer)
      if (due) clearImmediate(due)
      listeners.clear()
    },
  }
}
