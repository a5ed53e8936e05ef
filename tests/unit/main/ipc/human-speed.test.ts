import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { createHumanSpeedLimiter, humanSpeed, type HumanSpeed } from '@main/ipc/human-speed'
import { createIpcRouter, type IpcHandlers } from '@main/ipc/router'
import { ipcChannels } from '@shared/ipc/channels'

function limiter() {
  const clock = { at: 1_000_000, now: () => clock.at }
  const lines: string[] = []
  const speed = createHumanSpeedLimiter({
    now: clock.now,
    log: createEventLog({ write: (_level, line) => lines.push(line) }),
  })
  return { speed, clock, lines }
}

const signIn = humanSpeed['session.signIn'] as HumanSpeed

describe('human-speed limits', () => {
  it('every channel has a decision, and every forwarding one a burst and a pace', () => {
    for (const channel of ipcChannels) {
      const speed = humanSpeed[channel]
      if (speed === 'local') continue
      expect(speed.burst, channel).toBeGreaterThanOrEqual(1)
      expect(speed.everySeconds, channel).toBeGreaterThanOrEqual(1)
    }
  })

  it('only what stays inside main is local: the wipe, app start-up, following a link, staff settings, a touch noted for the restart window', () => {
    expect(ipcChannels.filter((channel) => humanSpeed[channel] === 'local')).toEqual([
      'app.info',
      'app.ready',
      'kiosk.wipe',
      'links.follow',
      'staff.setDefaultLocale',
      'staff.resetKiosk',
      'staff.quit',
      'staff.leave',
      'kiosk.activity',
    ])
  })

  it('lets a burst through, then one call per interval, and says how long to wait', () => {
    const { speed, clock } = limiter()
    for (let i = 0; i < signIn.burst; i++) expect(speed.take('session.signIn')).toBe(0)
    expect(speed.take('session.signIn')).toBe(signIn.everySeconds)
    clock.at += (signIn.everySeconds * 1000) / 2
    expect(speed.take('session.signIn')).toBe(Math.ceil(signIn.everySeconds / 2))
    clock.at += (signIn.everySeconds * 1000) / 2
    expect(speed.take('session.signIn')).toBe(0)
    expect(speed.take('session.signIn')).toBeGreaterThan(0)
  })

  it('a refused call does not count, and a long pause refills only up to the burst', () => {
    const { speed, clock } = limiter()
    for (let i = 0; i < 1000; i++) speed.take('session.signIn')
    clock.at += 3600_000
    let allowed = 0
    while (speed.take('session.signIn') === 0) allowed++
    expect(allowed).toBe(signIn.burst)
  })

  it('channels are limited separately, and local ones never', () => {
    const { speed } = limiter()
    for (let i = 0; i < 1000; i++) speed.take('session.signIn')
    expect(speed.take('recovery.request')).toBe(0)
    for (let i = 0; i < 10_000; i++) expect(speed.take('kiosk.wipe')).toBe(0)
  })

  it('a clock set back hands out nothing extra', () => {
    const { speed, clock } = limiter()
    for (let i = 0; i < signIn.burst; i++) speed.take('session.signIn')
    clock.at -= 3600_000
    expect(speed.take('session.signIn')).toBeGreaterThan(0)
    clock.at += 3600_000
    expect(speed.take('session.signIn')).toBeGreaterThan(0)
  })

  it('logs a channel once when it starts refusing, not once per refused call', () => {
    const { speed, lines } = limiter()
    for (let i = 0; i < 1000; i++) speed.take('session.signIn')
    expect(lines).toEqual(['ipc.too_fast channel=session.signin'])
  })

  it('the router answers too_fast with the wait, without calling the handler', async () => {
    let called = 0
    const handlers = Object.fromEntries(
      ipcChannels.map((channel) => [channel, async () => (called++, { ok: true, data: {} })]),
    ) as unknown as IpcHandlers
    const router = createIpcRouter({
      appOrigin: 'app://kiosk',
      handlers,
      log: createEventLog({ write: () => undefined }),
      humanSpeed: { take: () => 7 },
    })
    expect(
      await router.dispatch('session.signOut', { url: 'app://kiosk/', parent: null }, undefined),
    ).toEqual({ ok: false, error: { code: 'too_fast', retryAfterSeconds: 7 } })
    expect(called).toBe(0)
  })
})
