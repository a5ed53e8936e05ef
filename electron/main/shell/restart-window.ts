import type { EventLog } from '../event-log'
import type { KioskConfig } from '../config/schema'
import type { KioskCore } from '../kiosk-core'
import { createRestartScheduler } from '../maintenance/restart-window'
import {
  relaunchArguments,
  relaunchKiosk,
  type KioskProcess,
  type RelaunchingApp,
} from './start-failure'

/**
 * The daily restart window (docs/deployment.md), wired to Electron: the decision is in
 * `maintenance/restart-window.ts`; here it gets the real clock, main's view of idleness, the
 * wipes, and a relaunch with the same arguments, minus a failure counter from an earlier relaunch
 * (this one is planned) and minus the mail link the process may have been started with.
 */
export function setupRestartWindow(
  app: RelaunchingApp,
  process: KioskProcess,
  core: KioskCore,
  maintenance: KioskConfig['maintenance'],
  log: EventLog,
): void {
  const scheduler = createRestartScheduler({
    window: maintenance.restartAt
      ? { restartAt: maintenance.restartAt, windowMinutes: maintenance.windowMinutes }
      : undefined,
    startedAt: core.startedAt,
    now: () => Date.now(),
    every: (ms, run) => {
      const timer = setInterval(run, ms)
      return () => clearInterval(timer)
    },
    isIdle: core.isIdle,
    relaunch: () => relaunchKiosk(app, process, relaunchArguments(process.argv), 0),
    log,
  })
  core.wiper.onWiped((reason) => scheduler.wiped(reason))
}
