import { describe, expect, it } from 'vitest'
import type { ConsoleFleet } from '@shared/api/console/fleet'
import type { FleetListener } from '@service/fleet-watch'
import { openFleetStream } from '@service/routes/console/fleet-stream'

/** A fleet told apart by its time alone: what the stream wrote, in order. */
const fleetAt = (at: string) => ({ at, devices: [] }) as ConsoleFleet

function recordingStream() {
  const said: string[] = []
  let onClose: (() => void) | undefined
  const raw = {
    writableEnded: false,
    write(chunk: string) {
      said.push(chunk)
      return true
    },
    end(chunk?: string) {
      if (chunk) said.push(chunk)
      raw.writableEnded = true
      return raw
    },
    once(_event: 'close', listener: () => void) {
      onClose = listener
      return raw
    },
  }
  const listeners = new Set<FleetListener>()
  const subscribe = (listener: FleetListener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  /** Each fleet written, by its time; `session-ended` as itself. */
  const fleets = () =>
    said.map((chunk) =>
      chunk.startsWith('event: fleet') ? JSON.parse(chunk.split('data: ')[1]!).at : chunk.trim(),
    )
  return { raw, listeners, subscribe, fleets, close: () => onClose?.() }
}

describe('the fleet page’s live stream', () => {
  it('a change that lands while the first fleet is read is written after it, not lost', async () => {
    const s = recordingStream()
    await openFleetStream({
      raw: s.raw,
      sessionHolds: async () => undefined,
      watch: {
        subscribe: s.subscribe,
        // A look (a kiosk's first beat) ends while the stream reads the fleet as it was.
        async current() {
          for (const listener of s.listeners) void listener(fleetAt('after the beat'), true)
          return fleetAt('before the beat')
        },
      },
    })
    await expect.poll(s.fleets).toEqual(['before the beat', 'after the beat'])
    s.close()
  })

  it('writes only what changed, one at a time, and stops listening once closed', async () => {
    const s = recordingStream()
    await openFleetStream({
      raw: s.raw,
      sessionHolds: async () => undefined,
      watch: { subscribe: s.subscribe, current: async () => fleetAt('first') },
    })
    for (const listener of s.listeners) {
      void listener(fleetAt('same'), false)
      await listener(fleetAt('second'), true)
    }
    expect(s.fleets()).toEqual(['first', 'second'])
    s.close()
    expect(s.listeners.size).toBe(0)
  })

  it('says the session ended, and ends, once its session no longer holds', async () => {
    const s = recordingStream()
    let holds = true
    await openFleetStream({
      raw: s.raw,
      sessionHolds: async () => {
        if (!holds) throw new Error('session_expired')
      },
      watch: { subscribe: s.subscribe, current: async () => fleetAt('first') },
    })
    holds = false
    for (const listener of s.listeners) await listener(fleetAt('second'), true)
    expect(s.fleets()).toEqual(['first', 'event: session-ended\ndata: {}'])
    expect(s.raw.writableEnded).toBe(true)
    s.close()
  })
})
