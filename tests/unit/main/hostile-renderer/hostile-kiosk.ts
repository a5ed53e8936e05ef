import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createAccountClient } from '@main/account/http-client'
import { demoConfig } from '@main/config/demo'
import { createEventLog } from '@main/event-log'
import { createKioskCore } from '@main/kiosk-core'
import type { StaffAttemptStore } from '@main/staff/staff-attempts'
import type { IpcChannel } from '@shared/ipc/channels'
import type { KioskEvent } from '@shared/ipc/events'
import type { LinkKind } from '@shared/mail-link'
import { createService } from '@service/server'
import { startHoldingProxy } from './holding-proxy'
import { GOOD_PASSWORD, registrationBody } from '../../../fixtures/registration-body'

export const DEVICE_TOKEN = 'hostile-device-token-0123456789'
const ADMIN_TOKEN = 'hostile-admin-token-0123456789'
export const PASSWORD = GOOD_PASSWORD
export const NEW_PASSWORD = 'Lac-Saint-Jean#2027!'
export const APP_ORIGIN = 'app://kiosk'
export const APP_FRAME = { url: `${APP_ORIGIN}/index.html`, parent: null }

let addresses = 0
export const newAddress = (prefix = 'pers') =>
  `${prefix}.${process.pid}.${Date.now().toString(36)}.${++addresses}@etudiant.example.ca`

/**
 * The real reference service on loopback (fresh SQLite file, low scrypt cost), its device quota
 * as given (the production 600 a minute by default), and the calls a test makes to set up people
 * the way the service's own clients would: the admin endpoint and the demo outbox.
 */
export async function startReferenceService(options: { deviceRequestsPerMinute?: number } = {}) {
  const service = await createService({
    database: join(mkdtempSync(join(tmpdir(), 'hostile-')), 'service.db'),
    demo: true,
    adminToken: ADMIN_TOKEN,
    deviceTokens: [DEVICE_TOKEN],
    scryptCost: 2 ** 10,
    ...options,
  })
  await service.app.listen({ host: '127.0.0.1', port: 0 })
  const url = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`
  const client = createAccountClient({ baseUrl: url, deviceToken: DEVICE_TOKEN, retryDelaysMs: [] })

  const outbox = async (to?: string) => {
    const response = await fetch(`${url}/dev/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)
    return (await response.json()) as { to: string; text: string }[]
  }
  const lastText = async (email: string) => (await outbox(email)).at(-1)?.text ?? ''

  async function invite(email: string) {
    const response = await fetch(`${url}/v1/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, institution: 'Cégep de Test' }),
    })
    if (response.status !== 201) throw new Error(`invitation refused: ${response.status}`)
  }

  const lastCode = async (email: string) =>
    (await lastText(email)).split('\n').find((line) => /^\d{6}$/.test(line)) ?? ''

  const lastLink = async (email: string, kind: LinkKind) =>
    (await lastText(email)).match(new RegExp(`mescertif://${kind}/[A-Za-z0-9_-]{43}`))?.[0] ?? ''

  /** Invited, registered and verified through the service directly: an active account. */
  async function activeAccount(email: string) {
    await invite(email)
    const registration = await client.register(registrationBody(email), crypto.randomUUID())
    if (!registration.ok) throw new Error(registration.error.code)
    await client.verifyRegistration(registration.data.registrationId, await lastCode(email))
  }

  return {
    url,
    client,
    outbox,
    invite,
    lastCode,
    lastLink,
    activeAccount,
    close: () => service.close(),
  }
}

export type ReferenceService = Awaited<ReturnType<typeof startReferenceService>>

/**
 * The kiosk's real core (router, handlers, state, wipe, staff gate) behind a holding proxy to the
 * service, called the way a hostile page calls `window.kiosk`: any channel, any payload, from the
 * app's own frame. Main's clock is a fake the test moves.
 */
export async function startHostileKiosk(
  service: ReferenceService,
  options: { staffPinHash?: string; staffAttempts?: StaffAttemptStore } = {},
) {
  const proxy = await startHoldingProxy(() => service.url)
  const clock = { at: Date.now(), now: () => clock.at }
  const events: KioskEvent[] = []
  const logLines: string[] = []
  const core = createKioskCore({
    config: { ...demoConfig(proxy.url), mode: 'kiosk' },
    configSource: '/etc/mescertif-kiosk/config.json',
    demo: true,
    version: '0.0.0-hostile',
    deviceToken: DEVICE_TOKEN,
    appOrigin: APP_ORIGIN,
    log: createEventLog({ write: (level, line) => logLines.push(`[${level}] ${line}`) }),
    sendEvent: (event) => events.push(event),
    clearBrowserData: async () => undefined,
    quit: () => undefined,
    now: clock.now,
    clientOverrides: { retryDelaysMs: [] },
    ...(options.staffPinHash ? { demoStaffPinHash: options.staffPinHash } : {}),
    ...(options.staffAttempts ? { staffAttempts: options.staffAttempts } : {}),
  })
  const call = (channel: IpcChannel, payload?: unknown) =>
    core.router.dispatch(channel, APP_FRAME, payload)
  await call('app.ready')
  return {
    core,
    proxy,
    clock,
    events,
    logLines,
    call,
    close: () => proxy.close(),
  }
}

export type HostileKiosk = Awaited<ReturnType<typeof startHostileKiosk>>
