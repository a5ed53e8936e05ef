import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { EventLog } from '../event-log'
import { CRASH_LOOP_WINDOW_MS } from './crash-guard'
import type { OutOfOrderReason } from './out-of-order'
import { isSupervised, RESTART_EXIT_CODE } from './supervision'

/** Relaunches after main-process failures, counted across processes, before "out of order". */
export const MAX_RELAUNCHES = 3
const RELAUNCH_ARG = '--relaunch-count='

/**
 * Whether Electron takes an argument for a URL: a scheme of two characters or more, starting with a
 * letter, without spaces (shell/app/command_line_args.cc, IsUrlArg). On Windows Electron exits
 * before any of our code runs when another argument follows one (CheckCommandLineArguments,
 * called from shell/app/electron_main_win.cc): the guard against URL argument injection.
 */
function isUrlArgument(arg: string): boolean {
  const colon = arg.indexOf(':')
  return colon > 1 && /^[a-z][^\s]*$/i.test(arg.slice(0, colon))
}

/**
 * The arguments a relaunch (after a failure, or the daily restart) starts with: the process's own,
 * minus the failure counter (a planned relaunch starts at 0) and minus any URL — the mail link a
 * cold start was given. That link was for the person who opened it, not for whoever is at the
 * kiosk after the relaunch; and a counter after it would make Electron refuse to start on Windows.
 */
export const relaunchArguments = (argv: readonly string[]) =>
  argv.slice(1).filter((arg) => !arg.startsWith(RELAUNCH_ARG) && !isUrlArgument(arg))

export function relaunchCountIn(argv: readonly string[]): number {
  const value = argv.find((arg) => arg.startsWith(RELAUNCH_ARG))?.slice(RELAUNCH_ARG.length)
  const count = Number(value)
  return Number.isInteger(count) && count > 0 ? count : 0
}

export interface RelaunchingApp {
  relaunch(options: { args: string[]; execPath?: string }): void
  exit(code: number): void
}

/**
 * What a relaunch starts. Inside an AppImage, Electron's own executable lies in the image's mount
 * (/tmp/.mount_…), which the AppImage's runtime unmounts as this process exits; Electron's
 * relauncher starts the new process only once this one has died (shell/browser/relauncher_linux.cc),
 * so it would find nothing to start. The AppImage file itself, which its runtime names in
 * `APPIMAGE`, is what must be started again (electron-builder#1727, #4650).
 */
export function relaunchExecutable(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { execPath?: string } {
  const appImage = env.APPIMAGE
  return platform === 'linux' && appImage ? { execPath: appImage } : {}
}

/**
 * Starts the kiosk again, with `args`: Shell Launcher does it for a supervised kiosk (which exits
 * with RESTART_EXIT_CODE, supervision.ts), Electron for any other (which exits with `exitCode`).
 */
export type KioskProcess = {
  argv: readonly string[]
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
}

export function relaunchKiosk(
  app: RelaunchingApp,
  process: KioskProcess,
  args: string[],
  exitCode: number,
): void {
  if (isSupervised(process.argv)) return app.exit(RESTART_EXIT_CODE)
  app.relaunch({ args, ...relaunchExecutable(process.platform, process.env) })
  app.exit(exitCode)
}

/**
 * What came just before this process, in a row, for a supervised kiosk, which Shell Launcher
 * starts again with the same arguments every time, so they cannot carry it: failed starts, lock
 * losses. A small file each. `take` reads the count and clears it, as this process starts: a start
 * that goes on ends the row, as a relaunch without `--relaunch-count` does. A count older than two
 * crash-loop windows is no longer "in a row".
 */
export interface CountInARow {
  take(now: number): number
  /** False when the count could not be kept (a full or read-only disk). */
  write(count: number, now: number): boolean
}

export function fileCountInARow(path: string): CountInARow {
  const write = (count: number, now: number) => {
    try {
      writeFileSync(`${path}.tmp`, JSON.stringify({ count, at: now }))
      renameSync(`${path}.tmp`, path)
      return true
    } catch {
      return false
    }
  }
  return {
    take(now) {
      let text: string
      try {
        text = readFileSync(path, 'utf8')
      } catch {
        return 0
      }
      write(0, now)
      try {
        const { count, at } = JSON.parse(text) as { count: unknown; at: unknown }
        const fresh = typeof at === 'number' && now - at <= 2 * CRASH_LOOP_WINDOW_MS
        return fresh && Number.isInteger(count) && (count as number) > 0 ? (count as number) : 0
      } catch {
        return 0
      }
    },
    write,
  }
}

/** How many failed starts came just before this process: from its arguments, or the file. */
export function failedStartsBefore(
  argv: readonly string[],
  failedStarts: CountInARow,
  now: number,
): number {
  return isSupervised(argv) ? failedStarts.take(now) : relaunchCountIn(argv)
}

export interface StartFailureDeps {
  app: RelaunchingApp
  /** process.argv: relaunched with the same arguments, minus a mail link (relaunchArguments). */
  argv: readonly string[]
  /** process.platform and process.env: which executable to relaunch (relaunchExecutable). */
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  /** Failed starts just before this one (failedStartsBefore, read once as the process starts). */
  failedBefore: number
  /** Where a supervised kiosk counts its failed starts. */
  failedStarts: Pick<CountInARow, 'write'>
  log: EventLog
  showOutOfOrder(reason?: OutOfOrderReason): void
  now?: () => number
}

/**
 * Main-process failures: a rejected start-up (`whenReady` body), an unhandled rejection in later
 * async wiring, an uncaught exception. Electron only prints a warning for an unhandled rejection in
 * main (it does not exit), which would leave a kiosk with no window, or a window nobody answers.
 * Each failure is logged (its class name only), then the kiosk relaunches; after MAX_RELAUNCHES
 * failed starts in a row (counted in the relaunch's own arguments, or in a file for a supervised
 * kiosk; reset once a process has lived CRASH_LOOP_WINDOW_MS) it stays up and shows "out of order,
 * please see the counter". A supervised kiosk that cannot keep its count shows it at once, with the
 * reason for IT: the next process would start from nothing again, and Shell Launcher would restart
 * a broken start without end, the screen flashing in the hall.
 */
export function createStartFailureHandler(deps: StartFailureDeps) {
  const now = deps.now ?? Date.now
  const startedAt = now()
  let handled = false
  return (where: string, error: unknown): void => {
    deps.log.error('main.failed', {
      where,
      error: error instanceof Error ? error.name : typeof error,
    })
    if (handled) return
    handled = true
    const previous = now() - startedAt < CRASH_LOOP_WINDOW_MS ? deps.failedBefore : 0
    if (previous >= MAX_RELAUNCHES) {
      deps.log.error('main.out_of_order', { relaunches: previous })
      deps.showOutOfOrder()
      return
    }
    if (isSupervised(deps.argv) && !deps.failedStarts.write(previous + 1, now())) {
      deps.log.error('main.out_of_order', { relaunches: previous, reason: 'count_unwritable' })
      deps.showOutOfOrder('state_unwritable')
      return
    }
    const args = [...relaunchArguments(deps.argv), `${RELAUNCH_ARG}${previous + 1}`]
    relaunchKiosk(deps.app, deps, args, 1)
  }
}
