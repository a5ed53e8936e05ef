import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActivityReport } from '@shared/api/console/activity'
import { HOUR } from '@service/clock'
import { PASSWORD } from '../service-harness'
import {
  IT_EMAIL,
  openConsoleService,
  type ConsoleService,
  type ConsoleSignedIn,
} from './console-harness'

let t: ConsoleService
let session: ConsoleSignedIn
beforeEach(async () => {
  t = await openConsoleService()
  session = await t.signedIn(IT_EMAIL, 'registrar')
})
afterEach(() => t.close())

const day = { from: '2026-11-28T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' }
const report = async () =>
  ActivityReport.parse(
    (await t.request('GET', `/v1/console/activity?from=${day.from}&to=${day.to}`, { session }))
      .body,
  )

describe('activity counters', () => {
  it('count a finished and an abandoned registration, a sign-in and a recovery, per kiosk and hour', async () => {
    await t.invite('fini@example.ca')
    await t.invite('abandon@example.ca')
    const finished = await t.register('fini@example.ca')
    await t.register('abandon@example.ca')
    await t.call('POST', `/v1/registrations/${finished.body.registrationId}/verify`, {
      code: await t.lastCode('fini@example.ca'),
    })
    t.clock.at += HOUR
    await t.call('POST', '/v1/sessions', { email: 'fini@example.ca', password: PASSWORD })
    await t.call('POST', '/v1/recovery', { email: 'fini@example.ca', locale: 'fr-CA' })
    // An hour idle ended the console session: sign in again.
    session = await t.signIn(IT_EMAIL)
    const { hours } = await report()
    expect(hours).toEqual([
      {
        hour: '2026-11-28T12:00:00.000Z',
        device: 'device-1',
        counts: expect.objectContaining({
          registrationsStarted: 2,
          codesSent: 2,
          accountsActivated: 1,
          signIns: 0,
        }),
      },
      {
        hour: '2026-11-28T13:00:00.000Z',
        device: 'device-1',
        counts: expect.objectContaining({
          registrationsStarted: 0,
          signIns: 1,
          recoveriesStarted: 1,
        }),
      },
    ])
  })

  it('hold no personal data: the table has counts, devices and hours only', async () => {
    await t.invite('fini@example.ca')
    await t.register('fini@example.ca')
    const rows = await t.sql.all('SELECT * FROM activity_counts')
    expect(JSON.stringify(rows)).not.toMatch(/@|fini/)
    expect(Object.keys(rows[0] as object).sort()).toEqual([
      'device_id',
      'hour_start',
      'metric',
      'n',
    ])
  })

  it('the CSV holds the same numbers as the report', async () => {
    await t.invite('fini@example.ca')
    await t.register('fini@example.ca')
    await t.register('pas.invite@example.ca')
    const csv = await t.request('GET', `/v1/console/activity.csv?from=${day.from}&to=${day.to}`, {
      session,
    })
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="activity.csv"/)
    const [header, ...lines] = csv.raw.trimEnd().split('\r\n')
    expect(header).toBe(
      '"hour_utc","device","registrations_started","codes_sent","accounts_activated","sign_ins","recoveries_started","recoveries_finished","staff_actions"',
    )
    expect(lines).toEqual(['"2026-11-28T12:00:00.000Z","device-1","2","1","0","0","0","0","0"'])
    const { hours } = await report()
    expect(hours[0]!.counts.registrationsStarted).toBe(2)
  })

  it('refuses a range that is backwards or longer than 400 days', async () => {
    for (const query of [
      `from=${day.to}&to=${day.from}`,
      'from=2024-01-01T00:00:00.000Z&to=2026-01-01T00:00:00.000Z',
    ]) {
      const answer = await t.request('GET', `/v1/console/activity?${query}`, { session })
      expect(answer.status).toBe(400)
    }
  })
})
