import { describe, expect, it } from 'vitest'
import { memoryStaffAttempts } from '@main/staff/staff-attempts'
import {
  createStaffGate,
  STAFF_LOCK_MS,
  STAFF_MAX_ATTEMPTS,
  STAFF_SESSION_MAX_MS,
} from '@main/staff/staff-gate'
import { STAFF_IDLE_MS } from '@shared/staff-pin'

const RIGHT = '13572468'

/** A gate whose PIN comparisons wait until the test answers them, and are counted. */
function gate(attempts = memoryStaffAttempts()) {
  const clock = { at: Date.parse('2026-11-28T12:00:00Z'), now: () => clock.at }
  const comparisons: { pin: string; answer: () => void }[] = []
  let held = false
  const staff = createStaffGate({
    now: clock.now,
    attempts,
    checkPin: (pin) =>
      new Promise<boolean>((resolve) => {
        const answer = () => resolve(pin === RIGHT)
        comparisons.push({ pin, answer })
        if (!held) answer()
      }),
  })
  return {
    staff,
    clock,
    comparisons,
    /** Comparisons wait for `answerAll` from now on. */
    hold: () => (held = true),
    answerAll: () => comparisons.forEach((c) => c.answer()),
  }
}

describe('staff gate', () => {
  it('keeps the documented numbers: 5 tries, a 5-minute lock, 60 s idle, 10 minutes in all', () => {
    expect(STAFF_MAX_ATTEMPTS).toBe(5)
    expect(STAFF_LOCK_MS).toBe(5 * 60_000)
    expect(STAFF_IDLE_MS).toBe(60_000)
    expect(STAFF_SESSION_MAX_MS).toBe(10 * 60_000)
  })

  it('opens with the right PIN and counts down wrong ones', async () => {
    const { staff } = gate()
    expect(await staff.unlock('11111111')).toEqual({
      ok: false,
      error: { code: 'staff_pin_wrong', attemptsLeft: STAFF_MAX_ATTEMPTS - 1 },
    })
    expect(staff.touch()).toBe(false)
    expect(await staff.unlock(RIGHT)).toEqual({ ok: true, data: {} })
    expect(staff.touch()).toBe(true)
  })

  it('the fifth wrong PIN locks it for five minutes, the right PIN included', async () => {
    const { staff, clock } = gate()
    for (let i = 1; i < STAFF_MAX_ATTEMPTS; i++) await staff.unlock('11111111')
    expect(await staff.unlock('11111111')).toEqual({
      ok: false,
      error: { code: 'staff_locked', retryAfterSeconds: STAFF_LOCK_MS / 1000 },
    })
    clock.at += STAFF_LOCK_MS - 1000
    expect(await staff.unlock(RIGHT)).toEqual({
      ok: false,
      error: { code: 'staff_locked', retryAfterSeconds: 1 },
    })
    clock.at += 1000
    expect(await staff.unlock(RIGHT)).toEqual({ ok: true, data: {} })
  })

  it('from the millisecond the lock ends, a wrong PIN is a new try, not a lock', async () => {
    const { staff, clock } = gate()
    for (let i = 0; i < STAFF_MAX_ATTEMPTS; i++) await staff.unlock('11111111')
    clock.at += STAFF_LOCK_MS
    expect(await staff.unlock('11111111')).toEqual({
      ok: false,
      error: { code: 'staff_pin_wrong', attemptsLeft: STAFF_MAX_ATTEMPTS - 1 },
    })
  })

  it('49 wrong and the right PIN at once: five comparisons, and the right one is refused', async () => {
    const { staff, comparisons, hold, answerAll } = gate()
    hold()
    const wrong = Array.from({ length: 49 }, (_, i) => staff.unlock(String(20_000_000 + i)))
    const right = staff.unlock(RIGHT)
    answerAll()
    const results = await Promise.all([...wrong, right])

    expect(comparisons).toHaveLength(STAFF_MAX_ATTEMPTS)
    expect(comparisons.some((c) => c.pin === RIGHT)).toBe(false)
    expect(results.every((r) => !r.ok && r.error.code === 'staff_locked')).toBe(true)
    expect(staff.touch()).toBe(false)
  })

  it('counts an attempt before its comparison ends: a restart mid-comparison keeps it', async () => {
    const attempts = memoryStaffAttempts()
    const first = gate(attempts)
    first.hold()
    void first.staff.unlock('11111111')
    expect(attempts.load()).toEqual({ counted: 1, lockedUntil: 0 })

    const restarted = gate(attempts)
    expect(await restarted.staff.unlock('22222222')).toEqual({
      ok: false,
      error: { code: 'staff_pin_wrong', attemptsLeft: STAFF_MAX_ATTEMPTS - 2 },
    })
  })

  it('a record it cannot read counts as a lockout, not as a fresh start, and the lock is saved', async () => {
    const saved: unknown[] = []
    const { staff, clock } = gate({ load: () => 'unreadable', save: (next) => saved.push(next) })
    expect(saved).toEqual([{ counted: 0, lockedUntil: clock.at + STAFF_LOCK_MS }])
    expect(await staff.unlock(RIGHT)).toEqual({
      ok: false,
      error: { code: 'staff_locked', retryAfterSeconds: STAFF_LOCK_MS / 1000 },
    })
  })

  it('a PIN sent while the last tries are being compared is told to wait a whole lock', async () => {
    const { staff, clock, hold, answerAll } = gate()
    for (let i = 0; i < STAFF_MAX_ATTEMPTS; i++) await staff.unlock('11111111')
    clock.at += STAFF_LOCK_MS
    hold()
    // The earlier lock ends this very millisecond; five new tries are still being compared.
    const comparing = Array.from({ length: STAFF_MAX_ATTEMPTS }, () => staff.unlock('11111111'))
    expect(await staff.unlock(RIGHT)).toEqual({
      ok: false,
      error: { code: 'staff_locked', retryAfterSeconds: STAFF_LOCK_MS / 1000 },
    })
    answerAll()
    await Promise.all(comparing)
  })

  it('a PIN sent while the first tries are being compared is told to wait a whole lock too', async () => {
    const { staff, hold, answerAll } = gate()
    hold()
    const comparing = Array.from({ length: STAFF_MAX_ATTEMPTS }, () => staff.unlock('11111111'))
    expect(await staff.unlock(RIGHT)).toEqual({
      ok: false,
      error: { code: 'staff_locked', retryAfterSeconds: STAFF_LOCK_MS / 1000 },
    })
    answerAll()
    await Promise.all(comparing)
  })

  it('the right PIN resets the count', async () => {
    const attempts = memoryStaffAttempts()
    const { staff } = gate(attempts)
    await staff.unlock('11111111')
    await staff.unlock(RIGHT)
    expect(attempts.load()).toEqual({ counted: 0, lockedUntil: 0 })
  })

  it('closes after 60 s without staff activity', async () => {
    const { staff, clock } = gate()
    await staff.unlock(RIGHT)
    clock.at += STAFF_IDLE_MS - 1
    expect(staff.touch()).toBe(true)
    clock.at += STAFF_IDLE_MS
    expect(staff.touch()).toBe(false)
  })

  it('closes after its absolute limit however active staff are', async () => {
    const { staff, clock } = gate()
    await staff.unlock(RIGHT)
    const openedAt = clock.at
    while (clock.at + STAFF_IDLE_MS / 2 - openedAt < STAFF_SESSION_MAX_MS) {
      clock.at += STAFF_IDLE_MS / 2
      expect(staff.touch()).toBe(true)
    }
    clock.at += STAFF_IDLE_MS / 2
    expect(staff.touch()).toBe(false)
  })

  it('isOpen says whether it is open without counting as staff activity', async () => {
    const { staff, clock } = gate()
    expect(staff.isOpen()).toBe(false)
    await staff.unlock(RIGHT)
    expect(staff.isOpen()).toBe(true)
    clock.at += STAFF_IDLE_MS - 1
    expect(staff.isOpen()).toBe(true)
    clock.at += 1
    expect(staff.isOpen()).toBe(false)
    expect(staff.touch()).toBe(false)
  })

  it('isOpen is false from the absolute limit on, however active staff are', async () => {
    const { staff, clock } = gate()
    await staff.unlock(RIGHT)
    const openedAt = clock.at
    while (clock.at + STAFF_IDLE_MS / 2 - openedAt < STAFF_SESSION_MAX_MS) {
      clock.at += STAFF_IDLE_MS / 2
      staff.touch()
    }
    clock.at = openedAt + STAFF_SESSION_MAX_MS - 1
    expect(staff.isOpen()).toBe(true)
    clock.at += 1
    expect(staff.isOpen()).toBe(false)
  })

  it('leave closes it', async () => {
    const { staff } = gate()
    await staff.unlock(RIGHT)
    staff.leave()
    expect(staff.isOpen()).toBe(false)
    expect(staff.touch()).toBe(false)
  })
})
