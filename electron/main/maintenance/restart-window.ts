import type { WipeReason } from '@shared/ipc/events'
import type { EventLog } from '../event-log'

/** The config's `maintenance` key: a daily window, in local time, for a fresh start. */
export interface RestartWindow {
  restartAt: string
  windowMinutes: number
}

const MINUTE_MS = 60_000
/** How often the kiosk looks whether it may restart (the window is at least 15 minutes). */
export const RESTART_CHECK_EVERY_MS = MINUTE_MS

/** The most recent opening of the daily window at or before `now` (local time, so DST-proof). */
export function lastWindowStart(restartAt: string, now: number): number {
  const start = new Date(now)
  start.setHours(Number(restartAt.slice(0, 2)), Number(restartAt.slice(3, 5)), 0, 0)
  if (start.getTime() > now) start.setDate(start.getDate() - 1)
  return start.getTime()
}

/** True inside today's window for a process that started before it (one restart per window). */
export function restartDue(window: RestartWindow, startedAt: number, now: number): boolean {
  const start = lastWindowStart(window.restartAt, now)
  return now - start < window.windowMinutes * MINUTE_MS && startedAt < start
}

/** A wipe that means nobody is there any more: the person walked away, or their flow ended. */
const PERSON_GONE: readonly WipeReason[] = ['idle', 'finished']

export interface RestartSchedulerDeps {
  window: RestartWindow | undefined
  startedAt: number
  now(): number
  every(ms: number, run: () => void): () => void
  /** Nobody at the kiosk: no input for a while, nothing of a person in main, staff mode closed. */
  isIdle(): boolean
  relaunch(): void
  log: EventLog
}

/**
 * Scheduled maintenance (docs/deployment.md, "Restart window"): once a day, inside the window,
 * the kiosk relaunches if nobody is using it — at the first idle minute, or else at the first
 * wipe that means the person left (idle, finished). A kiosk busy for the whole window waits for
 * the next day. This is also the safety net against slow memory growth over weeks of uptime.
 */
export function createRestartScheduler(deps: RestartSchedulerDeps) {
  const { window } = deps
  if (!window) return { wiped: (_reason: WipeReason) => undefined, stop: () => undefined }
  let relaunched = false
  const relaunchIf = (why: 'idle' | 'idle_wipe', idle: boolean) => {
    if (relaunched || !idle || !restartDue(window, deps.startedAt, deps.now())) return
    relaunched = true
    deps.log.info('maintenance.relaunch', { why })
    deps.relaunch()
  }
  const stop = deps.every(RESTART_CHECK_EVERY_MS, () => relaunchIf('idle', deps.isIdle()))
  return {
    wiped(reason: WipeReason) {
      relaunchIf('idle_wipe', PERSON_GONE.includes(reason))
    },
    stop,
  }
}

export type RestartScheduler = ReturnType<typeof createRestartScheduler>
