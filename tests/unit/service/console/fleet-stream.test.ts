import { get } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MINUTE } from '@service/clock'
import {
  IT_EMAIL,
  openConsoleService,
  type ConsoleService,
  type ConsoleSignedIn,
} from './console-harness'

let t: ConsoleService
let session: ConsoleSignedIn
beforeEach(async () => {
  t = await openConsoleService({ fleetWatchMs: 50 })
  session = await t.signedIn(IT_EMAIL, 'it')
  await t.service.app.listen({ host: '127.0.0.1', port: 0 })
})
afterEach(() => t.close())

/** The fleet page's stream, over a real socket; resolves with what it said once it closed. */
function stream(cookie: string): { events: string[]; closed: Promise<void> } {
  const { port } = t.service.app.server.address() as AddressInfo
  const events: string[] = []
  const closed = new Promise<void>((resolve, reject) => {
    get(
      { host: '127.0.0.1', port, path: '/v1/console/fleet/events', headers: { cookie } },
      (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => events.push(...chunk.split('\n\n').filter(Boolean)))
        res.on('end', resolve)
      },
    ).on('error', reject)
  })
  return { events, closed }
}

describe('the live fleet', () => {
  it('sends the fleet, then says the session ended when it idles out: the stream kept nothing awake', async () => {
    const live = stream(session.cookie)
    await expect.poll(() => live.events.length).toBeGreaterThan(0)
    expect(live.events[0]).toMatch(/^event: fleet\ndata: \{"at":.*"name":"device-1"/)
    t.clock.at += 15 * MINUTE
    await live.closed
    expect(live.events.at(-1)).toBe('event: session-ended\ndata: {}')
    expect((await t.request('GET', '/v1/console/session', { session })).status).toBe(401)
  })
})
