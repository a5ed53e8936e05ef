import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import {
  createRestartScheduler,
  lastWindowStart,
  restartDue,
  type RestartWindow,
} from '@main/maintenance/restart-window'
import type { WipeReason } from '@shared/ipc/events'

/** Local time, so the test holds in any time zone. */
const at = (day: number, hours: number, minutes = 0) =>
  new Date(2026, 10, day, hours, minutes).getTime()
const WINDOW: RestartWindow = { restartAt: '03:30', windowMinutes: 60 }

/**
 * The scheduler on a fake clock: `tick(to)` moves time minute by minute to `to`, firing the
 * every-minute check as a real interval would.
 */
function fakeKiosk(options: { startedAt: number; window?: RestartWindow | undefined }) {
  const clock = { now: options.startedAt }
  const checks: (() => void)[] = []
  let idle = true
  const relaunches: number[] = []
  const lines: string[] = []
  const scheduler = createRestartScheduler({
    window: 'window' in options ? options.window : WINDOW,
    startedAt: options.startedAt,
    now: () => clock.now,
    every: (_ms, run) => {
      checks.push(run)
      return () => checks.splice(checks.indexOf(run), 1)
    },
    isIdle: () => idle,
    relaunch: () => relaunches.push(clock.now),
    log: createEventLog({ write: (_level, line) => lines.push(line) }),
  })
  return {
    scheduler,
    relaunches,
    lines,
    setIdle: (value: boolean) => (idle = value),
    tick(to: number) {
      while (clock.now < to) {
        clock.now = Math.min(to, clock.now + 60_000)
        for (const check of [...checks]) check()
      }
    },
    wipe(reason: WipeReason) {
      scheduler.wiped(reason)
    },
  }
}

describe('the restart window, decided', () => {
  it('the window that contains now, across midnight too', () => {
    expect(lastWindowStart('03:30', at(28, 4, 0))).toBe(at(28, 3, 30))
    expect(lastWindowStart('03:30', at(28, 3, 29))).toBe(at(27, 3, 30))
    expect(lastWindowStart('23:30', at(29, 0, 10))).toBe(at(28, 23, 30))
  })

  it('due inside the window for a process that started before it, once', () => {
    expect(restartDue(WINDOW, at(27, 9), at(28, 3, 29))).toBe(false)
    expect(restartDue(WINDOW, at(27, 9), at(28, 3, 30))).toBe(true)
    expect(restartDue(WINDOW, at(27, 9), at(28, 4, 29))).toBe(true)
    expect(restartDue(WINDOW, at(27, 9), at(28, 4, 30))).toBe(false)
    // The relaunched process started inside the window: not again until tomorrow.
    expect(restartDue(WINDOW, at(28, 3, 31), at(28, 4, 0))).toBe(false)
    expect(restartDue(WINDOW, at(28, 3, 31), at(29, 3, 30))).toBe(true)
  })
})

describe('the restart window, on a fake clock', () => {
  it('an idle kiosk relaunches at the window’s first minute, and only once', () => {
    const kiosk = fakeKiosk({ startedAt: at(27, 9) })
    kiosk.tick(at(28, 3, 29))
    expect(kiosk.relaunches).toEqual([])
    kiosk.tick(at(28, 4, 29))
    expect(kiosk.relaunches).toEqual([at(28, 3, 30)])
    expect(kiosk.lines).toEqual(['maintenance.relaunch why=idle'])
  })

  it('a kiosk in use is not relaunched; the next idle minute inside the window is', () => {
    const kiosk = fakeKiosk({ startedAt: at(27, 9) })
    kiosk.setIdle(false)
    kiosk.tick(at(28, 3, 50))
    expect(kiosk.relaunches).toEqual([])
    kiosk.setIdle(true)
    kiosk.tick(at(28, 3, 52))
    expect(kiosk.relaunches).toEqual([at(28, 3, 51)])
  })

  it('busy kiosk: relaunched at the wipe that ends a session by idle or a finished flow', () => {
    const kiosk = fakeKiosk({ startedAt: at(27, 9) })
    kiosk.setIdle(false)
    kiosk.tick(at(28, 3, 40))
    kiosk.wipe('start_over')
    kiosk.wipe('staff')
    expect(kiosk.relaunches).toEqual([])
    kiosk.wipe('finished')
    expect(kiosk.relaunches).toEqual([at(28, 3, 40)])
    expect(kiosk.lines).toEqual(['maintenance.relaunch why=idle_wipe'])
  })

  it('a wipe outside the window relaunches nothing', () => {
    const kiosk = fakeKiosk({ startedAt: at(27, 9) })
    kiosk.setIdle(false)
    kiosk.tick(at(28, 2, 0))
    kiosk.wipe('idle')
    kiosk.tick(at(28, 4, 40))
    kiosk.wipe('idle')
    expect(kiosk.relaunches).toEqual([])
  })

  it('busy through the whole window: waits for the next day', () => {
    const kiosk = fakeKiosk({ startedAt: at(27, 9) })
    kiosk.setIdle(false)
    kiosk.tick(at(28, 12))
    expect(kiosk.relaunches).toEqual([])
    kiosk.setIdle(true)
    kiosk.tick(at(29, 3, 31))
    expect(kiosk.relaunches).toEqual([at(29, 3, 30)])
  })

  it('no window in the config: never', () => {
    const kiosk = fakeKiosk({ startedAt: at(27, 9), window: undefined })
    kiosk.tick(at(29, 12))
    kiosk.wipe('idle')
    expect(kiosk.relaunches).toEqual([])
  })
})
