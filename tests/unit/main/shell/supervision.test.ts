import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { registerMailLinkSources, type MailLinkApp } from '@main/links/mail-link-sources'
import { CRASH_LOOP_WINDOW_MS } from '@main/shell/crash-guard'
import {
  createStartFailureHandler,
  failedStartsBefore,
  fileFailedStarts,
  MAX_RELAUNCHES,
  relaunchKiosk,
  type FailedStarts,
} from '@main/shell/start-failure'
import {
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

/** A recording stand-in for Electron's `app`: what the kiosk asked of it, in order. */
function recordingApp() {
  const did: string[] = []
  return {
    did,
    app: {
      quit: () => did.push('quit'),
      exit: (code: number) => did.push(`exit ${code}`),
      relaunch: ({ args, execPath }: { args: string[]; execPath?: string }) =>
        did.push(`relaunch ${[execPath ?? 'electron', ...args].join(' ')}`),
    },
  }
}

const memoryFailedStarts = (): FailedStarts & { saved?: { count: number; at: number } } => {
  const store: FailedStarts & { saved?: { count: number; at: number } } = {
    read: (now) =>
      store.saved && now - store.saved.at <= 2 * CRASH_LOOP_WINDOW_MS ? store.saved.count : 0,
    write: (count, at) => (store.saved = { count, at }),
  }
  return store
}

describe('at sign-in under Shell Launcher: the Run entry and the shell both start a kiosk', () => {
  it('Run first: it steps aside for the supervised one, which asks Shell Launcher to start it again', () => {
    const running = recordingApp()
    const arriving = recordingApp()
    // The supervised kiosk finds the lock taken; its argv reaches the running one first.
    expect(stepAsideForSupervised(running.app, RUN_ENTRY, SHELL, log)).toBe(true)
    leaveForRunningKiosk(arriving.app, SHELL)
    expect(running.did).toEqual(['exit 0'])
    expect(lines.at(-1)).toBe('main.stepped_aside for=supervised')
    expect(arriving.did).toEqual([`exit ${RESTART_EXIT_CODE}`])
    expect(RESTART_EXIT_CODE).not.toBe(0) // Shell Launcher's DefaultAction: RestartShell
  })

  it('the shell first: the Run one leaves with 0, and the shell stays', () => {
    const running = recordingApp()
    const arriving = recordingApp()
    expect(stepAsideForSupervised(running.app, SHELL, RUN_ENTRY, log)).toBe(false)
    leaveForRunningKiosk(arriving.app, RUN_ENTRY)
    expect(running.did).toEqual([])
    expect(arriving.did).toEqual(['quit'])
  })

  it('without Shell Launcher nothing changes: a second start hands its link over and quits', () => {
    const running = recordingApp()
    const arriving = recordingApp()
    expect(stepAsideForSupervised(running.app, RUN_ENTRY, [EXE, 'mescertif://x'], log)).toBe(false)
    leaveForRunningKiosk(arriving.app, [EXE, 'mescertif://x'])
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
  const processOf = (argv: string[]) => ({ argv, platform: 'win32' as const, env: {} })

  it('the daily restart exits with the restart code, and starts nothing', () => {
    const { app, did } = recordingApp()
    relaunchKiosk(app, processOf(SHELL), [SUPERVISED_ARG], 0)
    expect(did).toEqual([`exit ${RESTART_EXIT_CODE}`])
  })

  it('unsupervised, Electron starts the next kiosk, as before', () => {
    const { app, did } = recordingApp()
    relaunchKiosk(app, processOf(RUN_ENTRY), ['--config=C:\\k.json'], 0)
    expect(did).toEqual(['relaunch electron --config=C:\\k.json', 'exit 0'])
  })

  it('failed starts are counted in a file, and the fourth in a row shows "out of order"', () => {
    const failedStarts = memoryFailedStarts()
    let clock = 0
    const fail = () => {
      const { app, did } = recordingApp()
      const outOfOrder: string[] = []
      createStartFailureHandler({
        app,
        argv: SHELL,
        platform: 'win32',
        env: {},
        failedStarts,
        log,
        showOutOfOrder: () => outOfOrder.push('out_of_order'),
        now: () => clock,
      })('start', new Error('boom'))
      clock += 10_000
      return [...did, ...outOfOrder]
    }
    for (let start = 1; start <= MAX_RELAUNCHES; start++) {
      expect(fail()).toEqual([`exit ${RESTART_EXIT_CODE}`])
      expect(failedStarts.saved?.count).toBe(start)
    }
    expect(fail()).toEqual(['out_of_order'])
    expect(failedStartsBefore(SHELL, failedStarts, clock)).toBe(MAX_RELAUNCHES)
    // Its own arguments count nothing for a supervised kiosk: they are the same every time.
    expect(failedStartsBefore([...SHELL, '--relaunch-count=2'], memoryFailedStarts(), 0)).toBe(0)
  })

  it('a kiosk that ran longer than the crash-loop window starts the count again', () => {
    const failedStarts = memoryFailedStarts()
    failedStarts.write(2, 0)
    const { app, did } = recordingApp()
    let clock = 0
    const handle = createStartFailureHandler({
      app,
      argv: SHELL,
      platform: 'win32',
      env: {},
      failedStarts,
      log,
      showOutOfOrder: () => did.push('out_of_order'),
      now: () => clock,
    })
    clock = CRASH_LOOP_WINDOW_MS + 1
    handle('uncaught', new Error('later'))
    expect(did).toEqual([`exit ${RESTART_EXIT_CODE}`])
    expect(failedStarts.saved).toEqual({ count: 1, at: CRASH_LOOP_WINDOW_MS + 1 })
  })
})

describe('the failed-starts file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'failed-starts-'))

  it('keeps a count, which goes stale after two crash-loop windows', () => {
    const store = fileFailedStarts(join(dir, 'a.json'))
    expect(store.read(0)).toBe(0)
    store.write(2, 1_000)
    expect(store.read(1_000 + 2 * CRASH_LOOP_WINDOW_MS)).toBe(2)
    expect(store.read(1_001 + 2 * CRASH_LOOP_WINDOW_MS)).toBe(0)
  })

  it('reads anything damaged as no failed start', () => {
    for (const [name, text] of [
      ['b.json', 'not json'],
      ['c.json', '{"count":"3","at":0}'],
      ['d.json', '{"count":-1,"at":0}'],
      ['e.json', '{"count":2}'],
    ] as const) {
      writeFileSync(join(dir, name), text)
      expect(fileFailedStarts(join(dir, name)).read(0), name).toBe(0)
    }
  })

  it('a disk it cannot write to loses the count, not the restart', () => {
    expect(() => fileFailedStarts(join(dir, 'missing', 'f.json')).write(1, 0)).not.toThrow()
  })
})
