import type { ConsoleFleet } from '@shared/api/console/fleet'
import { iso } from './clock'
import type { ServiceContext } from './context'
import { consoleFleet } from './domain/fleet'
import { dispatchFleetAlerts, recordFleetChanges } from './domain/fleet-alerts'

export type FleetListener = (fleet: ConsoleFleet, changed: boolean) => void | Promise<void>

export interface FleetWatch {
  /** Look now (after a heartbeat, or a change IT made), coalesced with a look already due. */
  poke(): void
  /** Called at every look, with whether the fleet changed since the one before. */
  subscribe(listener: FleetListener): () => void
  current(): Promise<ConsoleFleet>
  /** Stops looking, after the look in progress. */
  stop(): Promise<void>
}

/**
 * The service's eye on the fleet (docs/console.md): at every heartbeat and every `everyMs` (a
 * kiosk turns stale by saying nothing, so time alone must be watched), it reads every device's
 * state, records the changes worth an alert, mails them, and tells the console's live pages.
 * Every instance watches: recording a change is conditional and dispatching is one instance at
 * a time (service/domain/fleet-alerts.ts), so several watching send each alert once. One look at
 * a time per instance; a poke during a look asks for one more after it.
 */
export function startFleetWatch(ctx: ServiceContext, everyMs: number): FleetWatch {
  const listeners = new Set<FleetListener>()
  let last = ''
  let due: NodeJS.Immediate | undefined
  let looking: Promise<void> | undefined
  let again = false
  let stopped = false

  async function look(): Promise<void> {
    const devices = await consoleFleet(ctx)
    await recordFleetChanges(ctx, devices)
    await dispatchFleetAlerts(ctx)
    ctx.mailer.flush()
    const fleet = { at: iso(ctx.clock.now()), devices }
    const seen = JSON.stringify(devices)
    const changed = seen !== last
    last = seen
    for (const listener of listeners) await listener(fleet, changed)
  }

  function safeLook() {
    due = undefined
    if (stopped) return
    if (looking) {
      again = true
      return
    }
    looking = look()
      .catch((error: unknown) => console.error(`fleet watch failed: ${(error as Error).name}`))
      .finally(() => {
        looking = undefined
        if (again) {
          again = false
          safeLook()
        }
      })
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
    current: async () => ({ at: iso(ctx.clock.now()), devices: await consoleFleet(ctx) }),
    async stop() {
      stopped = true
      clearInterval(timer)
      if (due) clearImmediate(due)
      listeners.clear()
      while (looking) await looking
    },
  }
}
