import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHostileKiosk, startReferenceService, type ReferenceService } from './hostile-kiosk'

let service: ReferenceService
beforeAll(async () => {
  service = await startReferenceService({ deviceRequestsPerMinute: 100_000 })
})
afterAll(() => service.close())

it('50,000 wipes called while the renderer is away leave one event for when it is back', async () => {
  const kiosk = await startHostileKiosk(service)
  kiosk.core.events.notReady()
  for (let batch = 0; batch < 50; batch++)
    await Promise.all(
      Array.from({ length: 1000 }, () => kiosk.call('kiosk.wipe', { reason: 'start_over' })),
    )
  expect(kiosk.events).toEqual([])
  await kiosk.call('app.ready')
  expect(kiosk.events).toEqual([{ type: 'wiped', reason: 'start_over' }])
  await kiosk.close()
})
