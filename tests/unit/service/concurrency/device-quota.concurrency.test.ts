import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEVICE } from '../service-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService({ deviceRequestsPerMinute: 7 })
})
afterEach(() => t.close())

/**
 * The same device token, written the ways an HTTP parser still accepts (a trailing space is not
 * one: Node's parser drops it, as RFC 9110 asks).
 */
const spellings = [
  `Bearer ${DEVICE}`,
  `Bearer  ${DEVICE}`,
  `Bearer\t${DEVICE}`,
  `bearer ${DEVICE}`,
  `BEARER ${DEVICE}`,
  `Bearer \t ${DEVICE}`,
]
const asDevice = (authorization: string) =>
  t.json('GET', '/v1/devices/current', undefined, { authorization })

describe('the per-device quota counts devices, not spellings of the header (issue 25, rule 2)', () => {
  it('once the quota is spent, 30 requests at once in six spellings get nothing more', async () => {
    const first = await t.parallel(times(7, () => asDevice(spellings[0]!)))
    expect(tally(first)).toEqual({ '200': 7 })
    const responses = await t.parallel(times(30, (i) => asDevice(spellings[i % spellings.length]!)))
    // The exact spelling is over its quota; every other spelling is no token at all.
    expect(tally(responses)).toEqual({ '429 rate_limited': 5, '401 unknown_device': 25 })
  })

  it('a header that is not exactly `Bearer <token>` is refused, even with quota left', async () => {
    for (const spelling of spellings.slice(1))
      expect((await t.send(asDevice(spelling))).json?.error?.code, spelling).toBe('unknown_device')
    expect((await t.send(asDevice(spellings[0]!))).status).toBe(200)
  })
})
