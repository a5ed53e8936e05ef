import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Heartbeat } from '@shared/api/fleet'
import { MINUTE } from '@service/clock'
import { addDevice, deviceNamed } from '@service/domain/device-admin'
import { consoleFleet, recordHeartbeat } from '@service/domain/fleet'
import { dispatchFleetAlerts, recordFleetChanges } from '@service/domain/fleet-alerts'
import {
  IT_EMAIL,
  REGISTRAR_EMAIL,
  openConsoleService,
  type ConsoleService,
} from './console-harness'
import { heartbeat } from '../../../fixtures/heartbeat'

let t: ConsoleService
beforeEach(async () => {
  t = await openConsoleService()
  await t.signedIn(IT_EMAIL, 'it')
  await t.signedIn(REGISTRAR_EMAIL, 'registrar')
  await t.signedIn('ti.sans.alertes@cegep.example.ca', 'it')
  await t.sql.run(
    'UPDATE console_accounts SET alerts = 1 WHERE email IN (?, ?)',
    IT_EMAIL,
    REGISTRAR_EMAIL,
  )
})
afterEach(() => t.close())

const beat = heartbeat
/**
 * A beat stored as the heartbeat route stores it, without the route's nudge to the service's own
 * fleet watch: each test looks at the fleet itself, when it chooses.
 */
const send = (deviceId: string, extra: Partial<Heartbeat> = {}) =>
  recordHeartbeat(t.ctx, deviceId, beat(extra))
const deviceOne = async () => (await deviceNamed(t.ctx, 'device-1'))!.id

/** What the fleet watch does at each look. */
const look = async () => {
  await recordFleetChanges(t.ctx, await consoleFleet(t.ctx))
  return dispatchFleetAlerts(t.ctx)
}
const alertMails = async (email = IT_EMAIL) =>
  (await t.outbox(email)).filter(
    (mail) => mail.kind === 'fleetAlert' || mail.kind === 'fleetDigest',
  )

describe('fleet alerts', () => {
  it('mail IT accounts that asked, once per device and change: stale, crash-looping, recovered', async () => {
    await send(await deviceOne())
    await look()
    expect(await alertMails()).toEqual([])
    t.clock.at += 5 * MINUTE
    await look()
    await look()
    await send(await deviceOne(), { crashesLastHour: 3 })
    await look()
    await send(await deviceOne(), { crashesLastHour: 0 })
    await look()
    await look()
    expect((await alertMails()).map((mail) => mail.subject)).toEqual([
      'Borne device-1\u00a0: silencieuse (aucun signal depuis 5\u00a0minutes)',
      'Borne device-1\u00a0: en boucle de plantages',
      'Borne device-1\u00a0: de nouveau en service',
    ])
    expect((await alertMails())[0]!.text).not.toMatch(/@/)
    // Registrars and IT accounts that did not ask get nothing.
    expect(await alertMails(REGISTRAR_EMAIL)).toEqual([])
    expect(await alertMails('ti.sans.alertes@cegep.example.ca')).toEqual([])
  })

  it('in a storm: five mails in an hour, then one digest for the rest, then at most one digest an hour', async () => {
    const devices: string[] = []
    for (let i = 0; i < 12; i++) devices.push((await addDevice(t.ctx, `hall-${i}`, 'public')).id)
    for (const id of devices) await send(id)
    await look()
    t.clock.at += 5 * MINUTE
    expect(await look()).toEqual({ mails: 5, digests: 1 })
    const storm = await alertMails()
    expect(storm).toHaveLength(6)
    expect(storm.at(-1)!.subject).toBe("Bornes MesCertif\u00a0: 7\u00a0changements d'état")
    // They all come back: no more mails this hour, and the next digest waits for the hour.
    for (const id of devices) await send(id)
    expect(await look()).toEqual({ mails: 0, digests: 0 })
    t.clock.at += 30 * MINUTE
    for (const id of devices) await send(id)
    expect(await look()).toEqual({ mails: 0, digests: 0 })
    t.clock.at += 31 * MINUTE
    for (const id of devices) await send(id)
    // An hour after the storm's mails and digest: five mails again, the rest in a digest.
    expect(await look()).toEqual({ mails: 5, digests: 1 })
    expect(await look()).toEqual({ mails: 0, digests: 0 })
    const digest = (await alertMails()).at(-1)!
    expect(digest.kind).toBe('fleetDigest')
    expect(digest.text.match(/de nouveau en service/g)).toHaveLength(7)
  })

  it('every instance watching at once: still five mails in the hour, then one digest', async () => {
    const devices: string[] = []
    for (let i = 0; i < 12; i++) devices.push((await addDevice(t.ctx, `aile-${i}`, 'public')).id)
    for (const id of devices) await send(id)
    await look()
    t.clock.at += 5 * MINUTE
    // The changes recorded, then every instance dispatching several times at the same moment.
    await recordFleetChanges(t.ctx, await consoleFleet(t.ctx))
    const looks = t.instances.flatMap((instance) => Array.from({ length: 6 }, () => instance.ctx))
    const sent = await Promise.all(looks.map((ctx) => dispatchFleetAlerts(ctx)))
    expect(
      sent.reduce((sum, s) => ({ mails: sum.mails + s.mails, digests: sum.digests + s.digests })),
    ).toEqual({
      mails: 5,
      digests: 1,
    })
    expect(await alertMails()).toHaveLength(6)
  })

  it('looking again at a change already recorded records nothing more', async () => {
    await send(await deviceOne())
    await look()
    t.clock.at += 5 * MINUTE
    const devices = await consoleFleet(t.ctx)
    expect(
      (await recordFleetChanges(t.ctx, devices)) + (await recordFleetChanges(t.ctx, devices)),
    ).toBe(1)
  })
})
