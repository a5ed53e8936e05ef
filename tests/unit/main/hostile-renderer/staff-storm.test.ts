import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { humanSpeed } from '@main/ipc/human-speed'
import { hashStaffPin } from '@main/staff/pin'
import { fileStaffAttempts } from '@main/staff/staff-attempts'
import { STAFF_LOCK_MS, STAFF_MAX_ATTEMPTS, STAFF_SESSION_MAX_MS } from '@main/staff/staff-gate'
import { STAFF_IDLE_MS } from '@shared/staff-pin'
import {
  startHostileKiosk,
  startReferenceService,
  type HostileKiosk,
  type ReferenceService,
} from './hostile-kiosk'

const PIN = '13572468'
const STAFF_REQUIRED = { ok: false, error: { code: 'staff_required' } }
const unlockSpacingMs = (() => {
  const speed = humanSpeed['staff.unlock']
  return speed === 'local' ? 0 : speed.everySeconds * 1000
})()

let service: ReferenceService
let pinHash: string
beforeAll(async () => {
  service = await startReferenceService({ deviceRequestsPerMinute: 100_000 })
  pinHash = await hashStaffPin(PIN)
})
afterAll(() => service.close())

const attemptsFile = () => join(mkdtempSync(join(tmpdir(), 'staff-')), 'staff-attempts.json')
const silentLog = createEventLog({ write: () => undefined })

/**
 * 50 unlocks all in flight together. Main's clock moves one human-speed interval between two
 * calls, so the channel's token bucket lets every one through and only the staff gate decides.
 */
function storm(kiosk: HostileKiosk, pins: string[]) {
  return Promise.all(
    pins.map((pin) => {
      const answer = kiosk.call('staff.unlock', { pin })
      kiosk.clock.at += unlockSpacingMs
      return answer
    }),
  )
}

describe('staff unlock storms', () => {
  it('49 wrong PINs and the right one sent at once: staff mode stays closed', async () => {
    const kiosk = await startHostileKiosk(service, {
      staffPinHash: pinHash,
      staffAttempts: fileStaffAttempts(attemptsFile(), silentLog),
    })
    const wrong = Array.from({ length: 49 }, (_, i) => String(20_000_000 + i))
    const results = await storm(kiosk, [...wrong, PIN])

    // The first five are counted before any is compared: all five wrong, so all are locked.
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(Array(50).fill('staff_locked'))
    expect(await kiosk.call('staff.status')).toEqual(STAFF_REQUIRED)
    await kiosk.close()
  })

  it('the count survives a restart of main: a new core on the same file is still locked', async () => {
    const file = attemptsFile()
    const first = await startHostileKiosk(service, {
      staffPinHash: pinHash,
      staffAttempts: fileStaffAttempts(file, silentLog),
    })
    await storm(
      first,
      Array.from({ length: STAFF_MAX_ATTEMPTS }, (_, i) => String(30_000_000 + i)),
    )
    await first.close()

    const restarted = await startHostileKiosk(service, {
      staffPinHash: pinHash,
      staffAttempts: fileStaffAttempts(file, silentLog),
    })
    restarted.clock.at = first.clock.at
    expect(await restarted.call('staff.unlock', { pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'staff_locked' },
    })
    restarted.clock.at += STAFF_LOCK_MS
    expect(await restarted.call('staff.unlock', { pin: PIN })).toEqual({ ok: true, data: {} })
    await restarted.close()
  })

  it('attempts counted but not yet compared when main crashed still count after the restart', async () => {
    const file = attemptsFile()
    const store = fileStaffAttempts(file, silentLog)
    store.save({ counted: STAFF_MAX_ATTEMPTS, lockedUntil: 0 })
    const restarted = await startHostileKiosk(service, {
      staffPinHash: pinHash,
      staffAttempts: fileStaffAttempts(file, silentLog),
    })
    expect(await restarted.call('staff.unlock', { pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'staff_locked' },
    })
    await restarted.close()
  })

  it('staff mode has an absolute limit: a call every 59 s does not keep it open', async () => {
    const kiosk = await startHostileKiosk(service, { staffPinHash: pinHash })
    expect(await kiosk.call('staff.unlock', { pin: PIN })).toEqual({ ok: true, data: {} })
    const openedAt = kiosk.clock.at
    const step = STAFF_IDLE_MS - 1000
    const accepted: number[] = []
    // A few more calls than the limit allows; each keeps staff mode from idling out.
    for (let call = 0; call < Math.ceil(STAFF_SESSION_MAX_MS / step) + 3; call++) {
      kiosk.clock.at += step
      if ((await kiosk.call('staff.status')).ok) accepted.push(kiosk.clock.at - openedAt)
    }
    expect(accepted.length).toBeGreaterThan(0)
    expect(accepted.every((elapsed) => elapsed < STAFF_SESSION_MAX_MS)).toBe(true)
    expect(accepted.at(-1)).toBeGreaterThanOrEqual(STAFF_SESSION_MAX_MS - step)
    expect(await kiosk.call('staff.status')).toEqual(STAFF_REQUIRED)
    await kiosk.close()
  })
})
