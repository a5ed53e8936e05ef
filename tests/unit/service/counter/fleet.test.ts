import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeviceList, type Heartbeat } from '@shared/api/fleet'
import { MINUTE } from '@service/clock'
import { devicesCommand } from '@service/commands/office-commands'
import { addDevice } from '@service/domain/device-admin'
import { ADMIN, DEVICE, type Body } from '../service-harness'
import { COUNTER, openCounterService, type CounterService } from './counter-harness'
import { heartbeat } from '../../../fixtures/heartbeat'

let t: CounterService
beforeEach(async () => {
  t = await openCounterService()
})
afterEach(() => t.close())

const beat = (extra: Partial<Heartbeat> = {}): Heartbeat =>
  heartbeat({ uptimeSeconds: 3600, rendererMemoryMiB: 182.5, ...extra })
const send = (body: Body, token = DEVICE) =>
  t.call('POST', '/v1/devices/heartbeat', body, { authorization: `Bearer ${token}` })
const devices = async () => {
  const answer = await t.call('GET', '/v1/admin/devices', undefined, {
    authorization: `Bearer ${ADMIN}`,
  })
  return DeviceList.parse(answer.body).devices
}
const stateOf = async (name: string) => (await devices()).find((d) => d.name === name)?.state

describe('heartbeats', () => {
  it('a beat needs a device token and is stored as the device’s last word', async () => {
    expect((await send(beat(), 'nope')).status).toBe(401)
    expect((await send(beat())).status).toBe(204)
    expect((await devices()).find((d) => d.name === 'device-1')).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'device-1',
      counter: false,
      state: 'ok',
      lastSeenAt: '2026-11-28T12:00:00.000Z',
      ...beat(),
      kioskId: 'device-1',
    })
  })

  it('the kiosk id and mode IT reads come from the device record, not the payload (issue 25, rule 13)', async () => {
    expect((await send(beat({ kioskId: 'counter-1', mode: 'counter' }))).status).toBe(204)
    expect((await send(beat({ kioskId: 'device-1', mode: 'kiosk' }), COUNTER)).status).toBe(204)
    const fleet = await devices()
    expect(fleet.find((d) => d.name === 'device-1')).toMatchObject({
      kioskId: 'device-1',
      mode: 'kiosk',
    })
    expect(fleet.find((d) => d.name === 'counter-1')).toMatchObject({
      kioskId: 'counter-1',
      mode: 'counter',
    })
  })

  it('has no room for anything but machine words and numbers', async () => {
    for (const bad of [
      { ...beat(), email: 'alex@example.ca' },
      beat({ kioskId: 'Alex Roy' }),
      beat({ version: 'alex@example.ca' }),
      { ...beat(), configSource: '/home/alex/config.json' },
    ]) {
      const answer = await send(bad)
      expect(answer.status).toBe(400)
    }
  })

  it('ok, then stale once silent for 5 minutes, ok again at the next beat', async () => {
    await send(beat())
    t.clock.at += 4 * MINUTE
    expect(await stateOf('device-1')).toBe('ok')
    t.clock.at += MINUTE
    expect(await stateOf('device-1')).toBe('stale')
    await send(beat())
    expect(await stateOf('device-1')).toBe('ok')
  })

  it('crash-looping from 3 crashes in the last hour; config and keychain problems', async () => {
    await send(beat({ crashesLastHour: 2 }))
    expect(await stateOf('device-1')).toBe('ok')
    await send(beat({ crashesLastHour: 3 }))
    expect(await stateOf('device-1')).toBe('crash_looping')
    await send(beat({ configValid: false }))
    expect(await stateOf('device-1')).toBe('config_problem')
    await send(beat({ keychain: 'unavailable' }))
    expect(await stateOf('device-1')).toBe('keychain_problem')
  })

  it('a device that never beat, and a disabled one, say so', async () => {
    expect(await stateOf('counter-1')).toBe('never_seen')
    await t.sql.run("UPDATE devices SET disabled = 1 WHERE name = 'counter-2'")
    expect(await stateOf('counter-2')).toBe('disabled')
  })
})

describe('service devices (the table IT reads)', () => {
  it('prints one row per device with its role, version, last seen and state', async () => {
    const { token } = await addDevice(t.service.ctx, 'hall-b-2', 'counter')
    await send(beat({ kioskId: 'hall-b-2', version: '0.2.0', crashesLastHour: 4 }), token)
    await send(beat())
    t.clock.at += 6 * MINUTE
    await send(beat({ kioskId: 'hall-b-2', version: '0.2.0', crashesLastHour: 4 }), token)
    const lines = (await devicesCommand(t.service.ctx, false)).split('\n')
    expect(lines[0]).toMatch(/^DEVICE\s+KIOSK ID\s+ROLE\s+VERSION\s+LAST SEEN\s+STATE/)
    const row = (name: string) => lines.find((line) => line.startsWith(`${name} `))
    expect(row('device-1')).toMatch(/device-1\s+public\s+0\.1\.0\s+6 min ago\s+stale/)
    expect(row('hall-b-2')).toMatch(/hall-b-2\s+counter\s+0\.2\.0\s+just now\s+crash-looping\s+4/)
    expect(row('counter-1')).toMatch(/never\s+never-seen/)
    expect(JSON.parse(await devicesCommand(t.service.ctx, true))).toEqual({
      devices: await devices(),
    })
  })
})
