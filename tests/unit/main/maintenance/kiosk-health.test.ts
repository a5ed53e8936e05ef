import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleFleet, fleetHealth } from '@service/domain/fleet'
import type { Service } from '@service/server'
import { startCounterKiosk, startCounterService } from '../counter/counter-kiosk'

let service: Service & { url: string }
beforeAll(async () => {
  service = await startCounterService()
})
afterAll(() => service.close())

const counterDevice = async () =>
  (await fleetHealth(service.ctx)).find((d) => d.name === 'counter-1')

describe('what the kiosk core tells the fleet', () => {
  it('a beat reaches the service: ok, with the kiosk’s id, version, mode and uptime', async () => {
    const kiosk = startCounterKiosk(service)
    kiosk.clock.at += 42_000
    await kiosk.core.heartbeat.beat()
    expect(await counterDevice()).toMatchObject({
      state: 'ok',
      // The service's own name for the device: a beat cannot say it is another kiosk.
      kioskId: 'counter-1',
      version: '0.0.0-counter',
      mode: 'counter',
      configSource: 'demo',
      keychain: 'not_used_in_demo',
      uptimeSeconds: 42,
      crashesLastHour: 0,
      serviceReachable: true,
    })
  })

  it('after a wipe it beats by itself; three renderer crashes make it crash-looping', async () => {
    const kiosk = startCounterKiosk(service)
    for (let i = 0; i < 3; i++) {
      kiosk.core.crashGuard.recordCrash()
      await kiosk.core.wiper.wipe('renderer_crash')
    }
    await kiosk.core.heartbeat.settled()
    expect(await counterDevice()).toMatchObject({ state: 'crash_looping', crashesLastHour: 3 })
  })
})

describe('what the console reads of a beat', () => {
  it('how long ago the kiosk last wiped, and so when; no wipe yet says nothing', async () => {
    const kiosk = startCounterKiosk(service)
    await kiosk.core.heartbeat.beat()
    const before = (await consoleFleet(service.ctx)).find((d) => d.name === 'counter-1')!
    expect(before.lastWipeAt).toBeUndefined()
    expect(before.lastRestartAt).toBeDefined()
    await kiosk.core.wiper.wipe('start_over')
    kiosk.clock.at += 90_000
    await kiosk.core.heartbeat.beat()
    await kiosk.core.heartbeat.settled()
    const after = (await consoleFleet(service.ctx)).find((d) => d.name === 'counter-1')!
    // The service dates it on its own clock: the kiosk said "90 s ago".
    expect(Date.parse(after.lastSeenAt!) - Date.parse(after.lastWipeAt!)).toBe(90_000)
  })
})

describe('when main thinks nobody is there (the restart window asks)', () => {
  it('quiet for the idle period, with nobody in main and staff mode closed', async () => {
    const kiosk = startCounterKiosk(service)
    expect(kiosk.core.isIdle()).toBe(false)
    kiosk.clock.at += 120_000
    expect(kiosk.core.isIdle()).toBe(true)
    await kiosk.call('kiosk.activity')
    expect(kiosk.core.isIdle()).toBe(false)
    kiosk.clock.at += 120_000
    await kiosk.signIn()
    kiosk.clock.at += 120_000
    expect(kiosk.core.isIdle()).toBe(false)
    await kiosk.call('kiosk.wipe', { reason: 'idle' })
    expect(kiosk.core.isIdle()).toBe(true)
  })
})
