import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeviceHealth } from '@shared/api/fleet'
import { deviceCommand, deviceRoleCommand } from '@service/commands/office-commands'
import { openTestService, ADMIN, DEVICE, PASSWORD } from '../service-harness'
import { COUNTER, openCounterService, type CounterService } from './counter-harness'

let t: CounterService
beforeEach(async () => {
  t = await openCounterService()
})
afterEach(() => t.close())

const admin = { authorization: `Bearer ${ADMIN}` }
const idOf = async (name: string) => {
  const answer = await t.call('GET', '/v1/admin/devices', undefined, admin)
  return (answer.body.devices as DeviceHealth[]).find((device) => device.name === name)!.id
}

describe('IT disables a device (issue 25, rule 9)', () => {
  it('POST /v1/admin/devices/{id}/disable: the token and every session on it are refused at once, audited', async () => {
    await t.activeAccount('alex@example.ca')
    const student = await t.call('POST', '/v1/sessions', {
      email: 'alex@example.ca',
      password: PASSWORD,
    })
    const staffToken = await t.signedInStaff()
    const me = () =>
      t.call('GET', '/v1/me', undefined, { 'x-session': student.body.sessionToken as string })
    expect((await me()).status).toBe(200)

    const disabled = await t.call(
      'POST',
      `/v1/admin/devices/${await idOf('device-1')}/disable`,
      undefined,
      admin,
    )
    expect(disabled.status).toBe(200)
    expect(disabled.body).toMatchObject({ name: 'device-1', state: 'disabled' })
    expect((await me()).body.error?.code).toBe('unknown_device')
    expect((await t.call('GET', '/v1/devices/current')).body.error?.code).toBe('unknown_device')
    const revoked = await t.sql.get<{ n: number }>(
      "SELECT count(*) AS n FROM sessions WHERE device_id = (SELECT id FROM devices WHERE name = 'device-1') AND revoked_at IS NULL",
    )
    expect(revoked!.n).toBe(0)

    await deviceCommand(t.service.ctx, 'disable', 'counter-1')
    const lookup = await t.asStaff(staffToken, 'POST', '/v1/staff/lookups', {
      email: 'alex@example.ca',
    })
    expect(lookup.body.error?.code).toBe('unknown_device')
    const staffLive = await t.sql.get<{ n: number }>(
      'SELECT count(*) AS n FROM staff_sessions WHERE revoked_at IS NULL',
    )
    expect(staffLive!.n).toBe(0)

    expect((await t.audit()).filter((entry) => entry.action === 'device_disable')).toEqual([
      expect.objectContaining({
        staff: null,
        device: null,
        target: 'device-1',
        detail: 'admin_api',
        result: 'ok',
      }),
      expect.objectContaining({ target: 'counter-1', detail: 'cli', result: 'ok' }),
    ])
  })

  it('needs the admin token; an unknown device is 404', async () => {
    const id = await idOf('device-1')
    expect((await t.call('POST', `/v1/admin/devices/${id}/disable`)).status).toBe(401)
    const unknown = await t.call(
      'POST',
      `/v1/admin/devices/${'0'.repeat(32)}/disable`,
      undefined,
      admin,
    )
    expect(unknown.body.error?.code).toBe('not_found')
    await expect(deviceCommand(t.service.ctx, 'disable', 'nope')).rejects.toThrow(
      'no device named nope',
    )
  })
})

describe('what IT decided survives a restart (issue 25, rule 10)', () => {
  it('tokens given at start add new devices only: a role and a disabled flag set by IT stay', async () => {
    await deviceRoleCommand(t.service.ctx, 'counter-1', 'public')
    await deviceCommand(t.service.ctx, 'disable', 'device-1')
    await t.close()
    const again = await openTestService({ counterDeviceTokens: [COUNTER] }, t.storage)
    try {
      const answer = await again.call('GET', '/v1/admin/devices', undefined, admin)
      const devices = answer.body.devices as DeviceHealth[]
      expect(devices.find((d) => d.name === 'counter-1')).toMatchObject({ counter: false })
      expect(devices.find((d) => d.name === 'device-1')).toMatchObject({ state: 'disabled' })
      expect(
        (
          await again.call('GET', '/v1/devices/current', undefined, {
            authorization: `Bearer ${DEVICE}`,
          })
        ).status,
      ).toBe(401)
    } finally {
      await again.close()
      t = await openCounterService()
    }
  })
})
