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
 * A kiosk that found another one running. Its argv has reached the running one already
 * ('second-instance'). A supervised kiosk asks to be started again, since the other steps aside for
 * it; any other leaves, with 0.
 */
export function leaveForRunningKiosk(
  app: { quit(): void; exit(code: number): void },
  argv: readonly string[],
): void {
  if (isSupervised(argv)) app.exit(RESTART_EXIT_CODE)
  else app.quit()
}

/**
 * The running kiosk, told that another one is starting: an unwatched one (started by the `Run`
 * entry) leaves the place to a supervised one, which Shell Launcher starts again at once. True when
 * it did.
 */
export function stepAsideForSupervised(
  app: { exit(code: number): void },
  ownArgv: readonly string[],
  newcomerArgv: readonly string[],
  log: EventLog,
): boolean {
  if (!isSupervised(newcomerArgv) || isSupervised(ownArgv)) return false
  log.info('main.stepped_aside', { for: 'supervised' })
  app.exit(0)
  return true
}
