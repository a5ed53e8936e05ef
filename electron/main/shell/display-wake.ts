import type { KioskConfig } from '../config/schema'
import type { EventLog } from '../event-log'

export interface DisplayBlocker {
  start(type: 'prevent-display-sleep'): number
  stop(id: number): boolean
}

type DisplaySettings = KioskConfig['display']

/** Minutes since midnight of an `HH:MM` the config schema has already checked. */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** Whether the display should stay on at `now` (local time); `until` before `from` spans midnight. */
export function displayShouldStayAwake(settings: DisplaySettings, now: Date): boolean {
  if (settings.keepAwake === 'always') return true
  if (settings.keepAwake === 'never') return false
  const from = minutesOf(settings.from)
  const until = minutesOf(settings.until)
  const minute = now.getHours() * 60 + now.getMinutes()
  return from <= until ? minute >= from && minute < until : minute >= from || minute < until
}

const CHECK_EVERY_MS = 60_000

/**
 * Keeps the screen on while the registrar's hall is open (config `display`): a kiosk whose display
 * went to sleep looks broken. Outside those hours the OS's own power settings apply again.
 */
export function setupDisplayWake(
  blocker: DisplayBlocker,
  settings: DisplaySettings,
  log: EventLog,
  clock: { now(): Date; every(ms: number, run: () => void): unknown } = {
    now: () => new Date(),
    every: (ms, run) => setInterval(run, ms),
  },
): void {
  let blockerId: number | undefined
  const apply = () => {
    const awake = displayShouldStayAwake(settings, clock.now())
    if (awake && blockerId === undefined) {
      blockerId = blocker.start('prevent-display-sleep')
      log.info('display.keep_awake', { on: true })
    } else if (!awake && blockerId !== undefined) {
      blocker.stop(blockerId)
      blockerId = undefined
      log.info('display.keep_awake', { on: false })
    }
  }
  apply()
  if (settings.keepAwake === 'hours') clock.every(CHECK_EVERY_MS, apply)
}
