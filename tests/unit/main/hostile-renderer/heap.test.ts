import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ipcChannels } from '@shared/ipc/channels'
import {
  newAddress,
  startHostileKiosk,
  startReferenceService,
  type HostileKiosk,
} from './hostile-kiosk'
import { junkPayloads, MANY_KEYS } from './junk'
import { validPayload } from './valid-payloads'

const JUNK_CALLS = 50_000
const HEAP_BOUND_BYTES = 10 * 1024 * 1024

/**
 * `global.gc` without a vitest flag: V8 lets a running process expose it, and a new context
 * then sees it. This keeps the measurement inside the test that needs it.
 */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

let close: () => Promise<void>
let kiosk: HostileKiosk
beforeAll(async () => {
  const service = await startReferenceService({ deviceRequestsPerMinute: 100_000 })
  kiosk = await startHostileKiosk(service)
  close = async () => {
    await kiosk.close()
    await service.close()
  }
})
afterAll(() => close())

it(`main's heap after ${JUNK_CALLS.toLocaleString('en')} junk calls stays within 10 MB of its start`, async () => {
  const gc = exposeGc()
  const { notPlain, plainButWrong } = junkPayloads()
  const email = newAddress('heap')
  // Junk of every kind, and valid calls past each channel's human-speed limit (main's clock
  // stands still, so after its burst every forwarding channel answers too_fast).
  // Except the 100,000-key object: refusing it costs one pass over its keys (≈ 80 ms here, a
  // fifth of what Electron's own deserialization of that message costs main before the router
  // runs), so 1,250 of them would measure time, not memory.
  const payloads = [...notPlain, ...plainButWrong]
    .filter(([name]) => name !== MANY_KEYS)
    .map(([, payload]) => payload)
  const calls = ipcChannels.flatMap((channel) => [
    ...payloads.map((payload) => [channel, payload] as const),
    [channel, validPayload(channel, email)] as const,
  ])
  async function flood(count: number) {
    for (let done = 0; done < count;) {
      const batch = Math.min(1000, count - done)
      await Promise.all(
        Array.from({ length: batch }, (_, i) => {
          const [channel, payload] = calls[(done + i) % calls.length]!
          return kiosk.call(channel, payload)
        }),
      )
      done += batch
      // What the test's own recorder keeps is not main's.
      kiosk.events.length = 0
      kiosk.logLines.length = 0
    }
  }

  await flood(2_000)
  gc()
  const before = process.memoryUsage().heapUsed
  await flood(JUNK_CALLS)
  gc()
  const growth = process.memoryUsage().heapUsed - before

  expect(growth, `heap grew by ${(growth / 1024 / 1024).toFixed(2)} MiB`).toBeLessThan(
    HEAP_BOUND_BYTES,
  )
})
