import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { createCrashGuard } from '@main/shell/crash-guard'
import { setupQuitPolicy } from '@main/shell/quit-policy'
import { setupRendererWatchdog, UNRESPONSIVE_RELOAD_MS } from '@main/shell/renderer-watchdog'
import {
  createStartFailureHandler,
  MAX_RELAUNCHES,
  relaunchCountIn,
} from '@main/shell/start-failure'

type Listener = (...args: never[]) => void

/** A recording stand-in for an Electron emitter: keeps listeners, fires them like Electron does. */
class RecordingEmitter {
  readonly listeners = new Map<string, Listener[]>()
  readonly calls: string[] = []
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  /** Fires an event with a preventable event object; true when a listener prevented it. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false
    const object = { preventDefault: () => (prevented = true) }
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => void)(object, ...args)
    return prevented
  }
}

const lines: string[] = []
const log = createEventLog({ write: (_level, line) => lines.push(line) })

/**
 * Electron's quit as shell/browser/browser.cc does it: `before-quit`, then each window's close,
 * any prevented close — or a window that is not closable — cancelling the quit.
 */
function electronQuit(app: RecordingEmitter, window: RecordingEmitter & { closable: boolean }) {
  if (app.fire('before-quit')) return 'cancelled'
  if (!window.closable) return 'cancelled'
  return window.fire('close') ? 'cancelled' : 'quit'
}

function kiosk(mode: 'kiosk' | 'counter') {
  const app = Object.assign(new RecordingEmitter(), {
    quits: 0,
    quit() {
      this.quits++
    },
  })
  const window = Object.assign(new RecordingEmitter(), {
    closable: mode !== 'kiosk',
    setClosable(closable: boolean) {
      this.closable = closable
    },
  })
  const policy = setupQuitPolicy(app, window, mode, log)
  return { app, window, policy }
}

describe('quit policy: the OS quits the kiosk, a person cannot', () => {
  it('SIGTERM, SIGINT, SIGHUP and macOS logout (app.quit) close the kiosk window', () => {
    const { app, window } = kiosk('kiosk')
    expect(electronQuit(app, window)).toBe('quit')
  })

  it("a person's close (Alt+F4, no before-quit) is refused in kiosk mode, allowed at a counter", () => {
    expect(kiosk('kiosk').window.fire('close')).toBe(true)
    expect(kiosk('counter').window.fire('close')).toBe(false)
  })

  it('Windows ending the session quits the app', () => {
    const { app, window } = kiosk('kiosk')
    window.fire('session-end')
    expect(app.quits).toBe(1)
  })

  it('staff quit goes through the same quit', () => {
    const { app, policy } = kiosk('kiosk')
    policy.quitByStaff()
    expect(app.quits).toBe(1)
  })
})

function fakeTimers() {
  let next = 1
  const pending = new Map<number, { run: () => void; ms: number }>()
  return {
    pending,
    timers: {
      set: ((run: () => void, ms: number) => {
        pending.set(next, { run, ms })
        return next++
      }) as unknown as typeof setTimeout,
      clear: ((id: number | undefined) => {
        if (id !== undefined) pending.delete(id)
      }) as unknown as typeof clearTimeout,
    },
  }
}

function watched() {
  const window = new RecordingEmitter()
  const contents = Object.assign(new RecordingEmitter(), {
    crashes: 0,
    forcefullyCrashRenderer() {
      this.crashes++
    },
  })
  const record: string[] = []
  const { pending, timers } = fakeTimers()
  setupRendererWatchdog(window, contents, {
    log,
    crashGuard: createCrashGuard(() => 0),
    wipeAfterCrash: () => record.push('wipe'),
    reloadWelcome: () => record.push('reload'),
    showOutOfOrder: () => record.push('out_of_order'),
    rendererGoing: () => record.push('not_ready'),
    timers,
  })
  const emit = (emitter: RecordingEmitter, event: string, ...args: unknown[]) => {
    for (const listener of emitter.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => void)(...args)
  }
  return { window, contents, record, pending, emit }
}

describe('renderer watchdog', () => {
  it('a second "unresponsive" replaces the first timer instead of orphaning it', () => {
    const { window, contents, pending, emit } = watched()
    emit(window, 'unresponsive')
    emit(window, 'unresponsive')
    expect(pending.size).toBe(1)
    emit(window, 'responsive')
    expect(pending.size).toBe(0)
    expect(contents.crashes).toBe(0)
  })

  it('still unresponsive after 10 s: the renderer is crashed (and then reloaded)', () => {
    const { window, contents, pending, emit } = watched()
    emit(window, 'unresponsive')
    const [timer] = [...pending.values()]
    expect(timer!.ms).toBe(UNRESPONSIVE_RELOAD_MS)
    timer!.run()
    expect(contents.crashes).toBe(1)
  })

  it('a crash: events wait, the person is wiped, Welcome comes back after the backoff', () => {
    const { contents, record, pending, emit } = watched()
    emit(contents, 'render-process-gone', {}, { reason: 'crashed' })
    expect(record).toEqual(['not_ready', 'wipe'])
    ;[...pending.values()][0]!.run()
    expect(record).toEqual(['not_ready', 'wipe', 'reload'])
  })
})

describe('main-process failures', () => {
  function failing(argv: string[], now = () => 0) {
    const happened: string[] = []
    const handle = createStartFailureHandler({
      app: {
        relaunch: ({ args }) => happened.push(`relaunch ${args.join(' ')}`),
        exit: (code) => happened.push(`exit ${code}`),
      },
      argv,
      platform: 'win32',
      env: {},
      failedBefore: relaunchCountIn(argv),
      failedStarts: { write: () => true },
      log,
      showOutOfOrder: () => happened.push('out_of_order'),
      now,
    })
    return { handle, happened }
  }

  it('a failed start relaunches with the same arguments, counted', () => {
    const { handle, happened } = failing(['/opt/kiosk', '--config=/etc/kiosk.json'])
    handle('start', new TypeError('boom'))
    expect(happened).toEqual(['relaunch --config=/etc/kiosk.json --relaunch-count=1', 'exit 1'])
    expect(lines.at(-1)).toBe('main.failed where=start error=TypeError')
  })

  it(`after ${MAX_RELAUNCHES} failed starts in a row: out of order, no more relaunching`, () => {
    const { handle, happened } = failing(['/opt/kiosk', `--relaunch-count=${MAX_RELAUNCHES}`])
    handle('unhandled_rejection', new Error('again'))
    expect(happened).toEqual(['out_of_order'])
  })

  it('a process that ran for a while starts counting again', () => {
    let now = 0
    const { handle, happened } = failing(['/opt/kiosk', '--relaunch-count=3'], () => now)
    now = 10 * 60_000
    handle('uncaught', new Error('later'))
    expect(happened).toEqual(['relaunch --relaunch-count=1', 'exit 1'])
  })

  it('reads the count it wrote, and nothing else', () => {
    expect(relaunchCountIn(['x', '--relaunch-count=2'])).toBe(2)
    expect(relaunchCountIn(['x', '--relaunch-count=-4', '--relaunch-count=zz'])).toBe(0)
  })
})
