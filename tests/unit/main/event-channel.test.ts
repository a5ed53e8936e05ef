import { describe, expect, it } from 'vitest'
import { createEventChannel, HELD_EVENTS_MAX } from '@main/event-channel'
import type { KioskEvent } from '@shared/ipc/events'

const link: KioskEvent = {
  type: 'mailLink',
  link: { kind: 'invite', maskedEmail: 'a•••@example.ca', expiresAt: '2026-12-01T00:00:00.000Z' },
}

function channel() {
  const sent: KioskEvent[] = []
  return { events: createEventChannel((event) => sent.push(event)), sent }
}

describe('event channel', () => {
  it('holds events until the renderer is ready, then sends them in order', () => {
    const { events, sent } = channel()
    events.emit({ type: 'staffRequested' })
    events.emit(link)
    expect(sent).toEqual([])
    events.ready()
    expect(sent).toEqual([{ type: 'staffRequested' }, link])
    events.emit({ type: 'wiped', reason: 'idle' })
    expect(sent).toHaveLength(3)
  })

  it('50,000 wipes while nobody listens hold one event: the last wipe', () => {
    const { events, sent } = channel()
    for (let i = 0; i < 50_000; i++)
      events.emit({ type: 'wiped', reason: i % 2 ? 'idle' : 'start_over' })
    events.ready()
    expect(sent).toEqual([{ type: 'wiped', reason: 'idle' }])
  })

  it('a held wipe supersedes what was held before it, not what comes after', () => {
    const { events, sent } = channel()
    events.emit(link)
    events.emit({ type: 'staffRequested' })
    events.emit({ type: 'wiped', reason: 'renderer_crash' })
    events.emit(link)
    events.ready()
    expect(sent).toEqual([{ type: 'wiped', reason: 'renderer_crash' }, link])
  })

  it('one pending staff request is enough', () => {
    const { events, sent } = channel()
    for (let i = 0; i < 1000; i++) events.emit({ type: 'staffRequested' })
    events.ready()
    expect(sent).toEqual([{ type: 'staffRequested' }])
  })

  it(`holds at most ${HELD_EVENTS_MAX} events, and a wipe always gets in`, () => {
    const { events, sent } = channel()
    for (let i = 0; i < 10_000; i++) events.emit(link)
    events.ready()
    expect(sent).toHaveLength(HELD_EVENTS_MAX)
    events.notReady()
    for (let i = 0; i < 10_000; i++) events.emit(link)
    events.emit({ type: 'wiped', reason: 'staff' })
    sent.length = 0
    events.ready()
    expect(sent).toEqual([{ type: 'wiped', reason: 'staff' }])
  })
})
