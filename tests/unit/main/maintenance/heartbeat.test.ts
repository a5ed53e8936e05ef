import { describe, expect, it } from 'vitest'
import { Heartbeat } from '@shared/api/fleet'
import type { Result } from '@shared/result'
import { createEventLog } from '@main/event-log'
import { createHeartbeat, type KioskHealth } from '@main/fleet/heartbeat'

const HEALTH: KioskHealth = {
  kioskId: 'hall-a-1',
  version: '0.1.0',
  mode: 'kiosk',
  configSource: 'file',
  configValid: true,
  keychain: 'available',
  crashesLastHour: 0,
}

function fakeSender() {
  const clock = { now: 1_000_000 }
  const sent: Heartbeat[] = []
  const replies: ((result: Result<unknown>) => void)[] = []
  const every: (() => void)[] = []
  let reachable = true
  const lines: string[] = []
  const heartbeat = createHeartbeat({
    health: async () => HEALTH,
    checkService: async () =>
      reachable ? { ok: true, data: {} } : { ok: false, error: { code: 'service_unreachable' } },
    send: (beat) => {
      sent.push(beat)
      return new Promise((resolve) => replies.push(resolve))
    },
    now: () => clock.now,
    startedAt: 1_000_000 - 90_000,
    log: createEventLog({ write: (_level, line) => lines.push(line) }),
  })
  /** Answers the beat on its way once it has been sent. */
  const answer = async (result: Result<unknown>) => {
    while (replies.length === 0) await new Promise((resolve) => setImmediate(resolve))
    replies.shift()!(result)
  }
  return {
    heartbeat,
    clock,
    sent,
    answer,
    lines,
    every,
    unreachable: () => (reachable = false),
    minute: () => every.forEach((run) => run()),
    fakeEvery: (_ms: number, run: () => void) => {
      every.push(run)
      return () => every.splice(0)
    },
  }
}

const OK = { ok: true, data: {} } as const
const DOWN = { ok: false, error: { code: 'service_unreachable' } } as const

describe('the heartbeat sender', () => {
  it('beats at start, then every minute, with only machine words and numbers', async () => {
    const k = fakeSender()
    k.heartbeat.start(k.fakeEvery)
    await k.answer(OK)
    k.minute()
    await k.answer(OK)
    await k.heartbeat.settled()
    expect(k.sent).toHaveLength(2)
    expect(Heartbeat.parse(k.sent[0])).toEqual({
      ...HEALTH,
      uptimeSeconds: 90,
      serviceReachable: true,
      missedLastHour: 0,
    })
    k.heartbeat.stop()
    k.minute()
    expect(k.sent).toHaveLength(2)
  })

  it('beats asked for while one is on its way become one more, right after it', async () => {
    const k = fakeSender()
    void k.heartbeat.beat()
    void k.heartbeat.beat()
    void k.heartbeat.beat()
    await k.answer(OK)
    await k.answer(OK)
    await k.heartbeat.settled()
    expect(k.sent).toHaveLength(2)
  })

  it('counts beats it could not deliver, and says so in the next one (for an hour)', async () => {
    const k = fakeSender()
    k.unreachable()
    void k.heartbeat.beat()
    await k.answer(DOWN)
    await k.heartbeat.settled()
    void k.heartbeat.beat()
    await k.answer(OK)
    await k.heartbeat.settled()
    expect(k.sent.map((b) => [b.serviceReachable, b.missedLastHour])).toEqual([
      [false, 0],
      [false, 1],
    ])
    expect(k.lines).toEqual(['fleet.heartbeat_missed code=service_unreachable'])
    k.clock.now += 60 * 60_000
    void k.heartbeat.beat()
    await k.answer(OK)
    await k.heartbeat.settled()
    expect(k.sent.at(-1)?.missedLastHour).toBe(0)
  })
})
