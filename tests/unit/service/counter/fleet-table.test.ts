import { describe, expect, it } from 'vitest'
import type { DeviceHealth } from '@shared/api/fleet'
import { fleetTable } from '@service/domain/fleet'

/** `service devices` as IT reads it in a terminal: one aligned row per device. */
const NOW = Date.parse('2026-11-28T12:00:00Z')
const seen = (msAgo: number) => new Date(NOW - msAgo).toISOString()
const MINUTE = 60_000

const devices: DeviceHealth[] = [
  {
    id: 'device-1',
    name: 'desk-1',
    counter: true,
    state: 'ok',
    lastSeenAt: seen(59_999),
    kioskId: 'desk-1-kiosk',
    version: '1.2.3',
    crashesLastHour: 0,
    rendererMemoryMiB: 151.6,
  },
  {
    id: 'device-2',
    name: 'hall-a-1',
    counter: false,
    state: 'crash_looping',
    lastSeenAt: seen(119 * MINUTE + 59_999),
    kioskId: 'hall-a-1',
    version: '1.2.10',
    crashesLastHour: 3,
  },
  {
    id: 'device-3',
    name: 'hall-b-2',
    counter: false,
    state: 'keychain_problem',
    lastSeenAt: seen(120 * MINUTE),
  },
  { id: 'device-4', name: 'lab', counter: false, state: 'never_seen' },
]

describe('the fleet table', () => {
  it('aligns each column to its widest cell and says what it does not know', () => {
    expect(fleetTable(devices, NOW).split('\n')).toEqual([
      'DEVICE    KIOSK ID      ROLE     VERSION  LAST SEEN    STATE             CRASHES/H  MEM MiB',
      'desk-1    desk-1-kiosk  counter  1.2.3    just now     ok                0          152',
      'hall-a-1  hall-a-1      public   1.2.10   119 min ago  crash-looping     3          -',
      'hall-b-2  -             public   -        2 h ago      keychain-problem  -          -',
      'lab       -             public   -        never        never-seen        -          -',
    ])
  })

  it('counts a minute from the first full minute', () => {
    const table = fleetTable([{ ...devices[0]!, lastSeenAt: seen(MINUTE) }], NOW)
    expect(table.split('\n')[1]).toContain('1 min ago')
  })

  it('is the header alone with no device', () => {
    expect(fleetTable([], NOW)).toBe(
      'DEVICE  KIOSK ID  ROLE  VERSION  LAST SEEN  STATE  CRASHES/H  MEM MiB',
    )
  })
})
