import type { EventLog } from '../event-log'

/**
 * A kiosk that Windows' Shell Launcher started is watched by it: Shell Launcher starts it again
 * whenever it exits with a code other than 0 (resources/lockdown/windows/shell-launcher.xml, whose
 * command line gives it SUPERVISED_ARG). Such a kiosk never starts its successor itself, as
 * Electron's relaunch would start a process Shell Launcher does not watch: it exits with
 * RESTART_EXIT_CODE, and Shell Launcher starts it again. And because Shell Launcher also runs the
 * `Run` keys at sign-in, before its shell (the installers' start-at-sign-in entry), a kiosk
 * started without the argument steps aside when the supervised one arrives (docs/deployment.md,
 * §11). Without the argument nothing here changes what the kiosk does.
 */
export const SUPERVISED_ARG = '--supervised'

/** "Start me again": to Shell Launcher any code but 0 is; 75 (EX_TEMPFAIL) says why in its log. */
export const RESTART_EXIT_CODE = 75

export const isSupervised = (argv: readonly string[]) => argv.includes(SUPERVISED_ARG)

/**
 * How long a supervised kiosk that found another one running waits before it asks to be started
 * again: the other one, stepping aside, must be gone by then. Electron gives up the lock while it
 * shuts down, not when the process ends, and the profile must not be shared with a kiosk still
 * closing it.
 */
export const HANDOVER_WAIT_MS = 3_000

/**
 * Lock losses in a row after which the wait grows: something other than a kiosk stepping aside
 * holds the place (a hung kiosk, a second supervised one started by hand), and Shell Launcher
 * would otherwise restart the kiosk every few seconds for ever.
 */
export const LOCK_LOSSES_BEFORE_BACKOFF = 3
export const BACKOFF_WAIT_MS = 60_000

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  setImmediate(run: () => void): unknown
}

/**
 * A kiosk that found another one running. Its argv has reached the running one already
 * ('second-instance'). A supervised kiosk waits for the other to step aside, then asks to be
 * started again; any other leaves, with 0. `lossesInARow` counts a supervised kiosk's lock losses
 * that came one after the other, this one included (index.ts keeps them in lock-losses.json).
 */
export function leaveForRunningKiosk(
  app: { quit(): void; exit(code: number): void },
  argv: readonly string[],
  timers: Timers,
  lossesInARow: () => number,
): void {
  if (!isSupervised(argv)) return app.quit()
  const wait = lossesInARow() > LOCK_LOSSES_BEFORE_BACKOFF ? BACKOFF_WAIT_MS : HANDOVER_WAIT_MS
  timers.setTimeout(() => app.exit(RESTART_EXIT_CODE), wait)
}

/**
 * The running kiosk, told that another one is starting: an unwatched one (started by the `Run`
 * entry) leaves the place to a supervised one, which Shell Launcher starts again. It leaves once the
 * handler has returned, so that the newcomer is told "notified" and does not take the lock while
 * this kiosk is still closing. True when it steps aside.
 */
export function stepAsideForSupervised(
  app: { exit(code: number): void },
  ownArgv: readonly string[],
  newcomerArgv: readonly string[],
  log: EventLog,
  timers: Pick<Timers, 'setImmediate'>,
): boolean {
  if (!isSupervised(newcomerArgv) || isSupervised(ownArgv)) return false
  log.info('main.stepped_aside', { for: 'supervised' })
  timers.setImmediate(() => app.exit(0))
  return true
}
