import { afterAll, beforeAll, expect, it } from 'vitest'
import { humanSpeed, type HumanSpeed } from '@main/ipc/human-speed'
import { hashStaffPin } from '@main/staff/pin'
import { limits } from '@service/limits'
import { ipcChannels, type IpcChannel } from '@shared/ipc/channels'
import {
  newAddress,
  PASSWORD,
  startHostileKiosk,
  startReferenceService,
  type HostileKiosk,
  type ReferenceService,
} from './hostile-kiosk'
import { validPayload } from './valid-payloads'

const FLOOD_CALLS = 10_000
const FLOOD_MS = 10_000
const STAFF_PIN = '13572468'
/** The channels whose calls can make the service send mail. */
const MAIL_CHANNELS: IpcChannel[] = [
  'registration.submit',
  'registration.resend',
  'recovery.request',
  'recovery.resend',
  'staff.resend',
]

const forwarding = ipcChannels.filter((channel) => humanSpeed[channel] !== 'local')
/** What the table lets through in the flood's 10 s: the burst, then one per interval. */
const allowedIn = (channels: IpcChannel[], ms: number) =>
  channels.reduce((sum, channel) => {
    const speed = humanSpeed[channel] as HumanSpeed
    return sum + Math.floor(speed.burst + ms / (speed.everySeconds * 1000))
  }, 0)

let service: ReferenceService
let kiosk: HostileKiosk
beforeAll(async () => {
  // The production device quota: 600 requests a minute.
  service = await startReferenceService()
  kiosk = await startHostileKiosk(service, { staffPinHash: await hashStaffPin(STAFF_PIN) })
})
afterAll(async () => {
  await kiosk.close()
  await service.close()
})

/** A kiosk in the middle of everything, so that as many channels as possible reach the service. */
async function everyFlowOpen() {
  const signedIn = newAddress('flood-a')
  await service.activeAccount(signedIn)
  const registering = newAddress('flood-b')
  await service.invite(registering)
  expect((await kiosk.call('staff.unlock', { pin: STAFF_PIN })).ok).toBe(true)
  expect((await kiosk.call('session.signIn', { email: signedIn, password: PASSWORD })).ok).toBe(
    true,
  )
  expect((await kiosk.call('recovery.request', { email: signedIn, locale: 'fr-CA' })).ok).toBe(true)
  expect(
    (await kiosk.call('registration.submit', validPayload('registration.submit', registering))).ok,
  ).toBe(true)
}

it(`${FLOOD_CALLS.toLocaleString('en')} calls on each forwarding channel in 10 s: at most the human-speed number reach the service or send mail, and the next person is served`, async () => {
  await everyFlowOpen()
  kiosk.clock.at += 60_000
  const mailsBefore = (await service.outbox()).length
  const exchangesBefore = kiosk.proxy.exchanges.length
  let address = 0

  // Main reads its clock before a call's first await, so the calls of a second are all sent
  // before any answer comes back, as from a page that does not wait.
  const answers: Promise<unknown>[] = []
  for (let round = 0; round < FLOOD_CALLS; round++) {
    for (const channel of forwarding) {
      // Arbitrary addresses, as in the attack: per-address caps at the service never help.
      const payload =
        channel === 'staff.unlock'
          ? { pin: STAFF_PIN }
          : validPayload(channel, `flood.${++address}@arbitrary.example.com`)
      answers.push(kiosk.call(channel, payload))
    }
    kiosk.clock.at += FLOOD_MS / FLOOD_CALLS
  }
  await Promise.all(answers)

  const flood = kiosk.proxy.exchanges.slice(exchangesBefore)
  const mails = (await service.outbox()).length - mailsBefore
  expect(flood.length).toBeLessThanOrEqual(allowedIn(forwarding, FLOOD_MS))
  expect(allowedIn(forwarding, FLOOD_MS)).toBeLessThan(limits.deviceRequestsPerMinute / 2)
  expect(mails).toBeLessThanOrEqual(allowedIn(MAIL_CHANNELS, FLOOD_MS))

  // The next person, a minute later: the kiosk's own quota at the service is still there.
  kiosk.clock.at += 60_000
  await kiosk.call('kiosk.wipe', { reason: 'start_over' })
  const next = newAddress('next')
  await service.invite(next)
  expect(
    await kiosk.call('registration.submit', validPayload('registration.submit', next)),
  ).toMatchObject({
    ok: true,
  })
  expect(await kiosk.call('registration.verify', { code: await service.lastCode(next) })).toEqual({
    ok: true,
    data: { status: 'active' },
  })
  expect((await kiosk.call('session.signIn', { email: next, password: PASSWORD })).ok).toBe(true)
})
