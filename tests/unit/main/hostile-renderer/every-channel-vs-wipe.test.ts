import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashStaffPin } from '@main/staff/pin'
import { ipcChannels } from '@shared/ipc/channels'
import {
  newAddress,
  PASSWORD,
  startHostileKiosk,
  startReferenceService,
  type HostileKiosk,
  type ReferenceService,
} from './hostile-kiosk'
import { validPayload } from './valid-payloads'

const PIN = '13572468'
let service: ReferenceService
let pinHash: string
beforeAll(async () => {
  service = await startReferenceService({ deviceRequestsPerMinute: 100_000 })
  pinHash = await hashStaffPin(PIN)
})
afterAll(() => service.close())

/** A person in the middle of everything main can hold for them, with staff mode open too. */
async function personInEveryFlow(kiosk: HostileKiosk) {
  const email = newAddress('prev')
  await service.activeAccount(email)
  const registering = newAddress('prev-reg')
  await service.invite(registering)
  const ok = async (result: Promise<{ ok: boolean }>) => expect((await result).ok).toBe(true)
  await ok(kiosk.call('staff.unlock', { pin: PIN }))
  await ok(kiosk.call('session.signIn', { email, password: PASSWORD }))
  await ok(kiosk.call('registration.submit', validPayload('registration.submit', registering)))
  await ok(service.client.requestRecovery(email, 'fr-CA'))
  await ok(kiosk.call('links.submit', { raw: await service.lastLink(email, 'reset') }))
  await ok(kiosk.call('links.follow'))
  await ok(kiosk.call('recovery.request', { email, locale: 'fr-CA' }))
  expect(kiosk.core.state.person).toMatchObject({
    sessionToken: expect.any(String),
    registration: expect.any(Object),
    recovery: expect.any(Object),
    resetToken: expect.any(String),
  })
  return { email, registering }
}

describe('every channel called at the same moment as a wipe leaves nothing of the previous person', () => {
  it.each(ipcChannels)('%s', async (channel) => {
    const kiosk = await startHostileKiosk(service, { staffPinHash: pinHash })
    const { email, registering } = await personInEveryFlow(kiosk)

    const [answer] = await Promise.all([
      kiosk.call(channel, validPayload(channel, email)),
      kiosk.call('kiosk.wipe', { reason: 'start_over' }),
    ])

    expect(kiosk.core.state.person).toEqual({})
    expect(kiosk.core.state.pendingLink).toBeUndefined()
    const seen = JSON.stringify(answer)
    for (const trace of [email, registering, 'Alex', 'Roy']) expect(seen).not.toContain(trace)
    expect(await kiosk.call('account.profile')).toEqual({
      ok: false,
      error: { code: 'session_expired' },
    })
    for (const next of ['password.reset', 'recovery.verify', 'registration.verify'] as const)
      expect(await kiosk.call(next, validPayload(next, email))).toEqual({
        ok: false,
        error: { code: 'no_pending_flow' },
      })
    expect(await kiosk.call('staff.status')).toEqual({
      ok: false,
      error: { code: 'staff_required' },
    })
    const sessions = kiosk.proxy.exchanges
      .filter((e) => e.method === 'POST' && e.path === '/v1/sessions' && e.status < 300)
      .map((e) => (JSON.parse(e.body) as { sessionToken: string }).sessionToken)
    for (const token of sessions)
      expect(await service.client.profile(token)).toEqual({
        ok: false,
        error: { code: 'session_expired' },
      })
    await kiosk.close()
  })
})
