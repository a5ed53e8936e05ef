import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEventLog } from '@main/event-log'
import type { KioskCore } from '@main/kiosk-core'
import { registerMailLinkSources, type MailLinkApp } from '@main/links/mail-link-sources'
import { CRASH_LOOP_WINDOW_MS } from '@main/shell/crash-guard'
import { setupRestartWindow } from '@main/shell/restart-window'
import {
  createStartFailureHandler,
  failedStartsBefore,
  fileCountInARow,
  MAX_RELAUNCHES,
} from '@main/shell/start-failure'
import {
  BACKOFF_WAIT_MS,
  HANDOVER_WAIT_MS,
  LOCK_LOSSES_BEFORE_BACKOFF,
  leaveForRunningKiosk,
  RESTART_EXIT_CODE,
  stepAsideForSupervised,
  SUPERVISED_ARG,
} from '@main/shell/supervision'

const lines: string[] = []
const log = createEventLog({ write: (_level, line) => lines.push(line) })
const EXE = 'C:\\Program Files\\MesCertif Kiosk\\MesCertif Kiosk.exe'
const SHELL = [EXE, SUPERVISED_ARG]
const RUN_ENTRY = [EXE]
const dir = mkdtempSync(join(tmpdir(), 'supervision-'))
let files = 0
const countFile = () => fileCountInARow(join(dir, `count-${files++}.json`))

/** A recording stand-in for Electron's `app` and the timers: what the kiosk asked, in order. */
function recordingApp() {
  const did: string[] = []
  const later: (() => void)[] = []
  return {
    did,
    app: {
      quit: () => did.push('quit'),
      exit: (code: number) => did.push(`exit ${code}`),
      relaunch: ({ args, execPath }: { args: string[]; execPath?: string }) =>
        did.push(`relaunch ${[execPath ?? 'electron', ...args].join(' ')}`),
    },
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        did.push(`wait ${ms}`)
        later.push(run)
      },
      setImmediate: (run: () => void) => {
        did.push('after the handler')
        later.push(run)
      },
    },
    runLater: () => later.splice(0).forEach((run) => run()),
  }
}

describe('at sign-in under Shell Launcher: the Run entry and the shell both start a kiosk', () => {
  it('Run first: it steps aside once it has answered; the supervised one waits, then asks to be started again', () => {
    const running = recordingApp()
    const arriving = recordingApp()
    expect(stepAsideForSupervised(running.app, RUN_ENTRY, SHELL, log, running.timers)).toBe(true)
    // Not inside the handler: Electron would hand the lock to the newcomer while this one closes.
    expect(running.did).toEqual(['after the handler'])
    running.runLater()
    expect(running.did).toEqual(['after the handler', 'exit 0'])
    expect(lines.at(-1)).toBe('main.stepped_aside for=supervised')

    leaveForRunningKiosk(arriving.app, SHELL, arriving.timers, () => 1)
    expect(arriving.did).toEqual([`wait ${HANDOVER_WAIT_MS}`])
    arriving.runLater()
    expect(arriving.did).toEqual([`wait ${HANDOVER_WAIT_MS}`, `exit ${RESTART_EXIT_CODE}`])
    expect(RESTART_EXIT_CODE).not.toBe(0) // Shell Launcher's DefaultAction: RestartShell
  })

  it('the shell first: the Run one leaves with 0 at once, and the shell stays', () => {
    const running = recordingApp()
    const arriving = recordingApp()
    expect(stepAsideForSupervised(running.app, SHELL, RUN_ENTRY, log, running.timers)).toBe(false)
    leaveForRunningKiosk(arriving.app, RUN_ENTRY, arriving.timers, () => 1)
    expect(running.did).toEqual([])
    expect(arriving.did).toEqual(['quit'])
  })

  it('a place that stays taken (a hung kiosk, a second supervised one): the wait grows', () => {
    const losses = countFile()
    const lose = () => {
      const arriving = recordingApp()
      leaveForRunningKiosk(arriving.app, SHELL, arriving.timers, () => {
        const inARow = losses.take(0) + 1
        losses.write(inARow, 0)
        return inARow
      })
      return arriving.did[0]
    }
    for (let loss = 1; loss <= LOCK_LOSSES_BEFORE_BACKOFF; loss++)
      expect(lose()).toBe(`wait ${HANDOVER_WAIT_MS}`)
    expect(lose()).toBe(`wait ${BACKOFF_WAIT_MS}`)
    // A supervised start that got the place clears the row.
    losses.take(0)
    expect(lose()).toBe(`wait ${HANDOVER_WAIT_MS}`)
  })

  it('without Shell Launcher nothing changes: a second start hands its link over and quits', () => {
    const running = recordingApp()
    const arriving = recordingApp()
    const argv = [EXE, 'mescertif://x']
    expect(stepAsideForSupervised(running.app, RUN_ENTRY, argv, log, running.timers)).toBe(false)
    leaveForRunningKiosk(arriving.app, argv, arriving.timers, () => 1)
    expect(running.did).toEqual([])
    expect(arriving.did).toEqual(['quit'])
  })

  it('the running kiosk is told the arguments of the one starting', () => {
    const listeners = new Map<string, (...args: never[]) => void>()
    const app: MailLinkApp = {
      on: ((event: string, listener: (...args: never[]) => void) => {
        listeners.set(event, listener)
        return app
      }) as MailLinkApp['on'],
      setAsDefaultProtocolClient: () => true,
    }
    const told: (readonly string[])[] = []
    registerMailLinkSources(
      app,
      { argv: RUN_ENTRY, execPath: EXE },
      () => undefined,
      (argv) => told.push(argv),
    )
    ;(listeners.get('second-instance') as (e: unknown, argv: string[]) => void)({}, SHELL)
    expect(told).toEqual([SHELL])
  })
})

describe('a supervised kiosk never relaunches itself: Shell Launcher starts it again', () => {
  afterEach(() => vi.useRealTimers())

  /** The daily window through its Electron wiring, on a clock inside the window. */
  function dailyRestart(argv: string[]) {
    vi.useFakeTimers({ now: new Date(2026, 11, 8, 4, 0, 30) })
    const { app, did } = recordingApp()
    const core = {
      startedAt: new Date(2026, 11, 7, 9, 0).getTime(),
      isIdle: () => true,
      wiper: { onWiped: () => undefined },
    } as unknown as KioskCore
    setupRestartWindow(
      app,
      { argv, platform: 'win32', env: {} },
      core,
      { restartAt: '04:00', windowMinutes: 60 },
      log,
    )
    vi.advanceTimersByTime(60_000)
    return did
  }

  it('the daily restart exits with the restart code, and starts nothing', () => {
    expect(dailyRestart(SHELL)).toEqual([`exit ${RESTART_EXIT_CODE}`])
  })

  it('unsupervised, Electron starts the next kiosk, as before', () => {
    expect(dailyRestart([EXE, '--config=C:\\k.json'])).toEqual([
      'relaunch electron --config=C:\\k.json',
      'exit 0',
    ])
  })

  /** One process that fails at start, `failedStarts` counting, as index.ts wires it. */
  function startThatFails(
    failedStarts: ReturnType<typeof countFile>,
    clock: { at: number },
    argv = SHELL,
  ) {
    const { app, did } = recordingApp()
    const handle = createStartFailureHandler({
      app,
      argv,
      platform: 'win32',
      env: {},
      failedBefore: failedStartsBefore(argv, failedStarts, clock.at),
      failedStarts,
      log,
      showOutOfOrder: (reason) => did.push(reason ? `out_of_order ${reason}` : 'out_of_order'),
      now: () => clock.at,
    })
    return { did, handle }
  }

  it('failed starts are counted in a file, and the fourth in a row shows "out of order"', () => {
    const failedStarts = countFile()
    const clock = { at: 0 }
    for (let start = 1; start <= MAX_RELAUNCHES; start++) {
      const { did, handle } = startThatFails(failedStarts, clock)
      clock.at += 10_000
      handle('start', new Error('boom'))
      expect(did).toEqual([`exit ${RESTART_EXIT_CODE}`])
    }
    const { did, handle } = startThatFails(failedStarts, clock)
    handle('start', new Error('boom'))
    expect(did).toEqual(['out_of_order'])
    // Its own arguments count nothing for a supervised kiosk: they are the same every time.
    expect(failedStartsBefore([...SHELL, '--relaunch-count=2'], countFile(), 0)).toBe(0)
  })

  it('a start that went on ends the row: a failure after it is the first again', () => {
    const failedStarts = countFile()
    const clock = { at: 0 }
    for (let start = 1; start <= 2; start++)
      startThatFails(failedStarts, clock).handle('start', new Error('x'))
    // This one starts well (its count read, and cleared), then the daily restart ends it.
    startThatFails(failedStarts, clock)
    const next = startThatFails(failedStarts, clock)
    next.handle('start', new Error('boom'))
    expect(next.did).toEqual([`exit ${RESTART_EXIT_CODE}`])
    expect(failedStarts.take(clock.at)).toBe(1)
  })

  it('a count it cannot keep (a full or read-only disk): "out of order" at once, with the reason for IT', () => {
    // A folder that is a file: no one, root included, can write under it.
    const notAFolder = join(dir, `not-a-folder-${files++}`)
    writeFileSync(notAFolder, '')
    const failedStarts = fileCountInARow(join(notAFolder, 'failed-starts.json'))
    const clock = { at: 0 }
    const { did, handle } = startThatFails(failedStarts, clock)
    handle('start', new Error('boom'))
    // Exiting would only bring the same start back, counted from nothing, without end.
    expect(did).toEqual(['out_of_order state_unwritable'])
    expect(lines.at(-1)).toBe('main.out_of_order relaunches=0 reason=count_unwritable')
  })

  it('unsupervised, a count file is not needed: the relaunch carries it', () => {
    const notAFolder = join(dir, `not-a-folder-${files++}`)
    writeFileSync(notAFolder, '')
    const { did, handle } = startThatFails(
      fileCountInARow(join(notAFolder, 'failed-starts.json')),
      { at: 0 },
      [EXE],
    )
    handle('start', new Error('boom'))
    expect(did).toEqual(['relaunch electron --relaunch-count=1', 'exit 1'])
  })

  it('a kiosk that ran longer than the crash-loop window starts the count again', () => {
    const failedStarts = countFile()
    failedStarts.write(2, 0)
    const clock = { at: 0 }
    const { did, handle } = startThatFails(failedStarts, clock)
    clock.at = CRASH_LOOP_WINDOW_MS + 1
    handle('uncaught', new Error('later'))
    expect(did).toEqual([`exit ${RESTART_EXIT_CODE}`])
    expect(failedStarts.take(clock.at)).toBe(1)
  })
})

describe('a count kept in a file', () => {
  it('is read once and cleared, and goes stale after two crash-loop windows', () => {
    const count = countFile()
    expect(count.take(0)).toBe(0)
    count.write(2, 1_000)
    expect(count.take(1_000 + 2 * CRASH_LOOP_WINDOW_MS)).toBe(2)
    expect(count.take(1_000 + 2 * CRASH_LOOP_WINDOW_MS)).toBe(0)
    count.write(2, 1_000)
    expect(count.take(1_001 + 2 * CRASH_LOOP_WINDOW_MS)).toBe(0)
  })

  it('reads anything damaged as nothing before', () => {
    for (const [name, text] of [
      ['b.json', 'not json'],
      ['c.json', '{"count":"3","at":0}'],
      ['d.json', '{"count":-1,"at":0}'],
      ['e.json', '{"count":2}'],
    ] as const) {
      writeFileSync(join(dir, name), text)
      expect(fileCountInARow(join(dir, name)).take(0), name).toBe(0)
    }
  })

  it('says when a disk cannot keep it, without throwing', () => {
    expect(fileCountInARow(join(dir, 'missing', 'f.json')).write(1, 0)).toBe(false)
    expect(fileCountInARow(join(dir, 'kept.json')).write(1, 0)).toBe(true)
  })
})
