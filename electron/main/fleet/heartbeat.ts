import type { Heartbeat } from '@shared/api/fleet'
import type { Result } from '@shared/result'
import type { EventLog } from '../event-log'

export const HEARTBEAT_EVERY_MS = 60_000
const HOUR_MS = 60 * 60_000

/** What the kiosk knows about itself at a beat, beside what the heartbeat measures itself. */
export type KioskHealth = Omit<Heartbeat, 'serviceReachable' | 'missedLastHour' | 'uptimeSeconds'>

export interface HeartbeatDeps {
  health(): Promise<KioskHealth>
  checkService(): Promise<Result<unknown>>
  send(beat: Heartbeat): Promise<Result<unknown>>
  now(): number
  startedAt: number
  log: EventLog
}

/**
 * Fleet health (docs/deployment.md, "Fleet health"): the kiosk tells the service how it is every
 * minute, at start, after a crash and after a wipe. Beats never overlap: one asked for while
 * another is on its way is sent right after it. A beat that cannot be delivered is counted, and
 * the next one that arrives says how many were missed in the last hour. Nothing personal is in
 * a beat: its schema has room for machine words and numbers only.
 */
export function createHeartbeat(deps: HeartbeatDeps) {
  let missed: number[] = []
  let sending: Promise<void> | undefined
  let again = false
  let timer: (() => void) | undefined

  async function sendOne(): Promise<void> {
    const [health, service] = await Promise.all([deps.health(), deps.checkService()])
    const now = deps.now()
    missed = missed.filter((at) => now - at < HOUR_MS)
    const result = await deps.send({
      ...health,
      uptimeSeconds: Math.max(0, Math.floor((now - deps.startedAt) / 1000)),
      serviceReachable: service.ok,
      missedLastHour: missed.length,
    })
    if (result.ok) return
    missed.push(now)
    deps.log.warn('fleet.heartbeat_missed', { code: result.error.code })
  }

  function beat(): Promise<void> {
    if (sending) {
      again = true
      return sending
    }
    sending = sendOne()
      .catch(() => undefined)
      .finally(() => {
        sending = undefined
        if (again) {
          again = false
          void beat()
        }
      })
    return sending
  }

  return {
    /** Sends a beat now (or right after the one on its way). */
    beat,
    /** A beat now, then one every minute, on the timer given (tests give a fake one). */
    start(every: (ms: number, run: () => void) => () => void = realEvery): void {
      timer?.()
      void beat()
      timer = every(HEARTBEAT_EVERY_MS, () => void beat())
    },
    stop(): void {
      timer?.()
      timer = undefined
    },
    /** Resolves when no beat is on its way (tests). */
    async settled(): Promise<void> {
      while (sending) await sending
    },
  }
}

function realEvery(ms: number, run: () => void): () => void {
  const timer = setInterval(run, ms)
  timer.unref?.()
  return () => clearInterval(timer)
}

export type HeartbeatSender = ReturnType<typeof createHeartbeat>
