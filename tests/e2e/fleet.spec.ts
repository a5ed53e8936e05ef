import { createEventLog } from '@main/event-log'
import { expect, test } from './harness/fixtures'
import { watchRendererLikeElectron } from './harness/renderer-crashes'

/** The line of the public harness kiosk (`device-1`) in `service devices`. */
const rowOf = (table: string, device: string) =>
  table.split('\n').find((line) => line.startsWith(`${device} `)) ?? ''

/** The heartbeat's minute timer, left to the test: beats come at start, after wipes, or by hand. */
const noTimer = () => () => undefined

test('service devices shows a harness kiosk as ok, then stale once it stops beating', async ({
  kiosk,
  service,
}) => {
  expect(rowOf(await service.devicesTable(), 'device-1')).toMatch(/never\s+never-seen/)
  kiosk.core.heartbeat.start(noTimer)
  await kiosk.core.heartbeat.settled()
  const table = await service.devicesTable()
  expect(table.split('\n')[0]).toMatch(/^DEVICE\s+KIOSK ID\s+ROLE\s+VERSION\s+LAST SEEN\s+STATE/)
  // The kiosk id is the device's name in the service's records, not the config's `demo-kiosk`.
  expect(rowOf(table, 'device-1')).toMatch(
    /^device-1\s+device-1\s+public\s+0\.0\.0-harness\s+just now\s+ok\s+0\s+\d+/,
  )
  kiosk.core.heartbeat.stop()
  service.clock.offsetMs += 4 * 60_000
  expect(rowOf(await service.devicesTable(), 'device-1')).toMatch(/4 min ago\s+ok/)
  service.clock.offsetMs += 60_000
  expect(rowOf(await service.devicesTable(), 'device-1')).toMatch(/5 min ago\s+stale/)
})

test('a kiosk whose renderer crashes again and again shows as crash-looping', async ({
  kiosk,
  service,
}) => {
  const renderers = watchRendererLikeElectron(kiosk, createEventLog({ write: () => undefined }))
  kiosk.core.heartbeat.start(noTimer)
  await kiosk.core.heartbeat.settled()
  expect(rowOf(await service.devicesTable(), 'device-1')).toMatch(/\sok\s/)
  for (let crash = 1; crash <= 3; crash++) {
    const page = await renderers.crashAndRecover()
    await expect(page.locator('#welcome-title')).toBeVisible()
    // Each crash wipes, and each wipe tells the fleet at once.
    await kiosk.core.wiper.settled()
    await kiosk.core.heartbeat.settled()
    expect(rowOf(await service.devicesTable(), 'device-1')).toMatch(
      crash < 3 ? new RegExp(`\\sok\\s+${crash}\\s`) : /crash-looping\s+3\s/,
    )
  }
})
