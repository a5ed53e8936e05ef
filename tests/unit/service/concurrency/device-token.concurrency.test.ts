import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEVICE } from '../service-harness'
import { consolePost, consoleSignedIn } from './console-signed-in'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const asDevice = (token: string) =>
  t.send({
    method: 'GET',
    path: '/v1/devices/current',
    headers: { authorization: `Bearer ${token}` },
  })

describe('a device’s token replaced by parallel requests', () => {
  it('30 new tokens at once: each answered, exactly one works, and every other is retired', async () => {
    const it_ = await consoleSignedIn(t, 'ti.alex@cegep.example.ca', 'it')
    const { id } = (await t.sql.get<{ id: string }>(
      "SELECT id FROM devices WHERE name = 'device-1'",
    ))!
    const answers = await t.parallel(
      times(30, () => consolePost(`/v1/console/devices/${id}/token`, undefined, it_)),
    )
    expect(tally(answers)).toEqual({ '201': 30 })
    const tokens = answers.map((answer) => answer.json!.token as string)
    expect(new Set(tokens).size).toBe(30)
    const working = []
    for (const token of [DEVICE, ...tokens])
      if ((await asDevice(token)).status === 200) working.push(token)
    expect(working).toHaveLength(1)
    expect(
      await t.sql.get('SELECT count(*) AS n FROM retired_device_tokens WHERE device_id = ?', id),
    ).toEqual({ n: 30 })
  })

  it('30 new tokens at once for a disabled device: the audit says once that it is back in service', async () => {
    const it_ = await consoleSignedIn(t, 'ti.alex@cegep.example.ca', 'it')
    const { id } = (await t.sql.get<{ id: string }>(
      "SELECT id FROM devices WHERE name = 'device-1'",
    ))!
    expect(
      (await t.send(consolePost(`/v1/console/devices/${id}/disable`, undefined, it_))).status,
    ).toBe(204)
    const answers = await t.parallel(
      times(30, () => consolePost(`/v1/console/devices/${id}/token`, undefined, it_)),
    )
    expect(tally(answers)).toEqual({ '201': 30 })
    const rows = (detail: string) =>
      t.sql.get(`SELECT count(*) AS n FROM audit_log WHERE action = 'device_token' AND ${detail}`)
    expect(await rows("result = 'ok'")).toEqual({ n: 30 })
    expect(await rows("detail = 'reenabled'")).toEqual({ n: 1 })
  })
})
