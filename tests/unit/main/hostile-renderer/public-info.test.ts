import { afterAll, beforeAll, expect, it } from 'vitest'
import { hashStaffPin } from '@main/staff/pin'
import { startHostileKiosk, startReferenceService, type ReferenceService } from './hostile-kiosk'

const PIN = '13572468'
let service: ReferenceService
beforeAll(async () => {
  service = await startReferenceService({ deviceRequestsPerMinute: 100_000 })
})
afterAll(() => service.close())

it('app.info gives any page only what the public screens show', async () => {
  const kiosk = await startHostileKiosk(service)
  const info = await kiosk.call('app.info')
  expect(info.ok && Object.keys(info.data as object).sort()).toEqual([
    'accentColor',
    'accessibility',
    'counterDesk',
    'defaultLocale',
    'demo',
    'idle',
    'institution',
    'onScreenKeyboard',
    'portalUrl',
  ])
  const text = JSON.stringify(info)
  for (const secret of ['/etc/mescertif-kiosk', '0.0.0-hostile', 'demo-kiosk', 'keychain'])
    expect(text).not.toContain(secret)
  await kiosk.close()
})

it('the config path, versions, kiosk id and keychain state are behind the staff PIN', async () => {
  const kiosk = await startHostileKiosk(service, { staffPinHash: await hashStaffPin(PIN) })
  expect(await kiosk.call('staff.status')).toEqual({
    ok: false,
    error: { code: 'staff_required' },
  })
  expect((await kiosk.call('staff.unlock', { pin: PIN })).ok).toBe(true)
  expect(await kiosk.call('staff.status')).toMatchObject({
    ok: true,
    data: {
      configSource: '/etc/mescertif-kiosk/config.json',
      version: '0.0.0-hostile',
      kioskId: 'demo-kiosk',
      keychain: 'not_used_in_demo',
      serviceReachable: true,
      serviceVersion: expect.any(String),
    },
  })
  await kiosk.close()
})
