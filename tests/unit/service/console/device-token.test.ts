import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConsoleFleet } from '@shared/api/console/fleet'
import { deviceCommand } from '@service/commands/office-commands'
import { readAudit } from '@service/domain/audit'
import { registerDevicesAtStart } from '@service/domain/devices'
import { sha256 } from '@service/security/secrets'
import { DEVICE, PASSWORD } from '../service-harness'
import {
  IT_EMAIL,
  REGISTRAR_EMAIL,
  openConsoleService,
  type ConsoleService,
  type ConsoleSignedIn,
} from './console-harness'
import { heartbeat } from '../../../fixtures/heartbeat'

let t: ConsoleService
let it_: ConsoleSignedIn
beforeEach(async () => {
  t = await openConsoleService()
  it_ = await t.signedIn(IT_EMAIL, 'it')
})
afterEach(() => t.close())

const fleet = async () =>
  (await t.request('GET', '/v1/console/fleet', { session: it_ })).body as unknown as ConsoleFleet
const device1 = async () => (await fleet()).devices.find((device) => device.name === 'device-1')!
const newToken = (id: string, session = it_) =>
  t.request('POST', `/v1/console/devices/${id}/token`, { session })
const asDevice = (token: string) =>
  t.call('GET', '/v1/devices/current', undefined, { authorization: `Bearer ${token}` })

describe('a new token for a device (the console’s fleet, `device token`)', () => {
  it('the new token works, the old one and the sessions made with it end, the fleet says never seen, audited', async () => {
    await t.activeAccount('alex@example.ca')
    const student = await t.call('POST', '/v1/sessions', {
      email: 'alex@example.ca',
      password: PASSWORD,
    })
    expect(student.status).toBe(200)
    expect((await t.call('POST', '/v1/devices/heartbeat', heartbeat())).status).toBeLessThan(300)
    const { id, state } = await device1()
    expect(state).toBe('ok')

    const answer = await newToken(id)
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ id, name: 'device-1' })
    const token = answer.body.token as string
    expect(token).toMatch(/^[\w-]{43}$/)

    expect((await asDevice(DEVICE)).body.error?.code).toBe('unknown_device')
    expect((await asDevice(token)).status).toBe(200)
    const me = await t.call('GET', '/v1/me', undefined, {
      authorization: `Bearer ${token}`,
      'x-session': student.body.sessionToken as string,
    })
    expect(me.body.error?.code).toBe('session_expired')
    expect((await device1()).state).toBe('never_seen')
    const entry = (await readAudit(t.ctx, { since: 0 })).find((e) => e.action === 'device_token')
    expect(entry).toMatchObject({ target: 'device-1', detail: null, result: 'ok', via: 'console' })
    expect(JSON.stringify(await readAudit(t.ctx, { since: 0 }))).not.toContain(token)
  })

  it('puts a disabled device back in service, under its name and role', async () => {
    const { id } = await device1()
    expect(
      (await t.request('POST', `/v1/console/devices/${id}/disable`, { session: it_ })).status,
    ).toBe(204)
    expect((await device1()).state).toBe('disabled')
    const token = (await newToken(id)).body.token as string
    expect((await asDevice(token)).status).toBe(200)
    expect(await device1()).toMatchObject({ id, state: 'never_seen', counter: false })
    expect((await fleet()).devices.filter((device) => device.name === 'device-1')).toHaveLength(1)
    // The audit says it is back in service; a second new token for it, now enabled, does not.
    await newToken(id)
    expect(
      (await readAudit(t.ctx, { since: 0 }))
        .filter((entry) => entry.action === 'device_token')
        .map((entry) => entry.detail),
    ).toEqual(['reenabled', null])
  })

  it('the replaced token, given again at a start, adds no device', async () => {
    const { id } = await device1()
    await newToken(id)
    const before = (await fleet()).devices.length
    await registerDevicesAtStart(t.ctx, [DEVICE], { counter: false, requireStrong: false })
    expect((await fleet()).devices.length).toBe(before)
    expect((await asDevice(DEVICE)).body.error?.code).toBe('unknown_device')
  })

  it('the database itself refuses a retired token, as an older release at its start would add it', async () => {
    const { id } = await device1()
    await newToken(id)
    const before = (await fleet()).devices.length
    await t.ctx.db
      .insertInto('devices')
      .values({
        id: 'f'.repeat(32),
        name: 'device-1',
        token_hash: sha256(DEVICE),
        counter: 0,
        created_at: t.clock.now(),
      })
      .onConflict((conflict) => conflict.column('token_hash').doNothing())
      .execute()
    expect((await fleet()).devices.length).toBe(before)
    expect((await asDevice(DEVICE)).body.error?.code).toBe('unknown_device')
  })

  it('`device token NAME` prints a new token once, audited as the command line', async () => {
    const token = await deviceCommand(t.ctx, 'token', 'device-1')
    expect(token).toMatch(/^[\w-]{43}$/)
    expect((await asDevice(token)).status).toBe(200)
    expect((await asDevice(DEVICE)).body.error?.code).toBe('unknown_device')
    await expect(deviceCommand(t.ctx, 'token', 'nowhere-1')).rejects.toThrow(
      'no device named nowhere-1',
    )
    expect(
      (await readAudit(t.ctx, { since: 0 }))
        .filter((entry) => entry.action === 'device_token')
        .map((entry) => [entry.target, entry.detail]),
    ).toEqual([['device-1', 'cli']])
  })

  it('`device token NAME` for a disabled device says in the audit that it is back in service', async () => {
    await deviceCommand(t.ctx, 'disable', 'device-1')
    await deviceCommand(t.ctx, 'token', 'device-1')
    expect(
      (await readAudit(t.ctx, { since: 0 }))
        .filter((entry) => entry.action === 'device_token')
        .map((entry) => entry.detail),
    ).toEqual(['cli reenabled'])
  })

  it('is IT’s: a registrar is refused, an unknown device is 404, the CSRF token is needed', async () => {
    const { id } = await device1()
    const registrar = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    expect((await newToken(id, registrar)).body.error?.code).toBe('forbidden')
    expect((await newToken('0'.repeat(32))).status).toBe(404)
    const noCsrf = await t.request('POST', `/v1/console/devices/${id}/token`, {
      session: it_,
      csrf: false,
    })
    expect(noCsrf.status).toBe(403)
    expect((await asDevice(DEVICE)).status).toBe(200)
  })
})
