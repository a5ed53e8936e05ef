import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { demoConfig } from '@main/config/demo'
import { createEventLog } from '@main/event-log'
import { createKioskCore } from '@main/kiosk-core'
import type { IpcChannel } from '@shared/ipc/channels'
import type { KioskEvent } from '@shared/ipc/events'
import { addStaff } from '@service/domain/staff-accounts'
import { createInvitation } from '@service/domain/invitations'
import { createService, type Service } from '@service/server'
import { codeOf, OUTBOX_SQL, outboxAddress, type OutboxMail } from '../../../fixtures/outbox'
import { rawSql } from '../../../fixtures/raw-sql'
import { registrationBody } from '../../../fixtures/registration-body'

export const COUNTER_TOKEN = 'main-counter-token-0123456789'
export const PUBLIC_TOKEN = 'main-public-token-0123456789'
export const STAFF_EMAIL = 'marie.cote@registraire.example.ca'
export const STAFF_PASSWORD = 'Guichet-Registraire#2026'
const FRAME = { url: 'app://kiosk/index.html', parent: null }

/** The real service (a counter device and a public one) and a staff member who has enrolled. */
export async function startCounterService(): Promise<Service & { url: string }> {
  const service = await createService({
    database: join(mkdtempSync(join(tmpdir(), 'counter-main-')), 'service.db'),
    demo: true,
    adminToken: 'main-admin-token-0123456789',
    deviceTokens: [PUBLIC_TOKEN],
    counterDeviceTokens: [COUNTER_TOKEN],
    scryptCost: 2 ** 10,
  })
  await service.app.listen({ host: '127.0.0.1', port: 0 })
  const code = await addStaff(service.ctx, STAFF_EMAIL, 'Marie Côté')
  const url = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`
  const enrolled = await fetch(`${url}/v1/staff/enrolments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${COUNTER_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: STAFF_EMAIL, code, password: STAFF_PASSWORD }),
  })
  if (enrolled.status !== 204) throw new Error('staff enrolment failed')
  return Object.assign(service, { url })
}

/** The kiosk's real core on the counter device (or another token), called as the page calls it. */
export function startCounterKiosk(
  service: Service & { url: string },
  options: { deviceToken?: string } = {},
) {
  const logLines: string[] = []
  const events: KioskEvent[] = []
  const clock = { at: Date.now(), now: () => clock.at }
  const core = createKioskCore({
    config: { ...demoConfig(service.url), mode: 'counter' },
    configSource: '/etc/mescertif-kiosk/config.json',
    demo: true,
    version: '0.0.0-counter',
    deviceToken: options.deviceToken ?? COUNTER_TOKEN,
    appOrigin: 'app://kiosk',
    log: createEventLog({ write: (level, line) => logLines.push(`[${level}] ${line}`) }),
    sendEvent: (event) => events.push(event),
    clearBrowserData: async () => undefined,
    quit: () => undefined,
    now: clock.now,
    clientOverrides: { retryDelaysMs: [] },
  })
  const call = (channel: IpcChannel, payload?: unknown) =>
    core.router.dispatch(channel, FRAME, payload)
  const lastCode = async (email: string) =>
    codeOf(await rawSql(service.ctx.store).all<OutboxMail>(OUTBOX_SQL, outboxAddress(email)))
  return {
    core,
    call,
    logLines,
    events,
    clock,
    invite: (email: string, names: { firstName?: string; lastName?: string } = {}) =>
      createInvitation(service.ctx, { email, institution: 'Cégep de Test', ...names }),
    lastCode,
    signIn: () => call('counter.signIn', { email: STAFF_EMAIL, password: STAFF_PASSWORD }),
    /** Invited, registered and verified at the service: an active account. */
    async activeAccount(email: string) {
      await createInvitation(service.ctx, { email, institution: 'Cégep de Test' })
      const headers = {
        authorization: `Bearer ${PUBLIC_TOKEN}`,
        'content-type': 'application/json',
      }
      const registration = (await (
        await fetch(`${service.url}/v1/registrations`, {
          method: 'POST',
          headers,
          body: JSON.stringify(registrationBody(email)),
        })
      ).json()) as { registrationId: string }
      await fetch(`${service.url}/v1/registrations/${registration.registrationId}/verify`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code: await lastCode(email) }),
      })
    },
  }
}
