import { STAFF_IDLE_MS } from '@shared/staff-pin'
import type { Result } from '@shared/result'
import type { StaffAttemptStore, StaffAttempts } from './staff-attempts'

export const STAFF_MAX_ATTEMPTS = 5
export const STAFF_LOCK_MS = 5 * 60_000
/** Staff mode closes after this long however active it is (a call every 59 s kept it open for hours). */
export const STAFF_SESSION_MAX_MS = 10 * 60_000

type Refusal = Extract<Result<never>, { ok: false }>

/**
 * Staff mode: a PIN opens it, 5 wrong PINs lock it for 5 minutes, and it closes itself after
 * 60 s without staff activity or 10 minutes in all. An attempt is counted (and saved, so a crash
 * or restart of main does not forget it) before its PIN is compared, and no attempt starts while
 * the attempts already counted reach the limit: 50 PINs sent at once get 5 comparisons.
 */
export function createStaffGate(deps: {
  checkPin: (pin: string) => Promise<boolean>
  now: () => number
  attempts: StaffAttemptStore
}) {
  let attempts: StaffAttempts = loadAttempts()
  let session: { openedAt: number; lastActivity: number } | undefined

  function loadAttempts(): StaffAttempts {
    const stored = deps.attempts.load()
    if (stored !== 'unreadable') return stored
    // A damaged record must not open a fresh set of guesses: it counts as one lockout.
    const locked = { counted: 0, lockedUntil: deps.now() + STAFF_LOCK_MS }
    deps.attempts.save(locked)
    return locked
  }

  function update(next: StaffAttempts) {
    attempts = next
    deps.attempts.save(next)
  }

  /** Locked, or at the limit with attempts still being compared (those decide the lock). */
  const locked = (now: number): Refusal => ({
    ok: false,
    error: {
      code: 'staff_locked',
      retryAfterSeconds: Math.ceil(
        (attempts.lockedUntil > now ? attempts.lockedUntil - now : STAFF_LOCK_MS) / 1000,
      ),
    },
  })

  return {
    async unlock(pin: string): Promise<Result<Record<string, never>>> {
      const startedAt = deps.now()
      if (attempts.lockedUntil > startedAt || attempts.counted >= STAFF_MAX_ATTEMPTS)
        return locked(startedAt)
      update({ ...attempts, counted: attempts.counted + 1 })
      const right = await deps.checkPin(pin)
      const now = deps.now()
      if (right) {
        update({ counted: 0, lockedUntil: 0 })
        session = { openedAt: now, lastActivity: now }
        return { ok: true, data: {} }
      }
      if (attempts.lockedUntil > now) return locked(now)
      if (attempts.counted >= STAFF_MAX_ATTEMPTS) {
        update({ counted: 0, lockedUntil: now + STAFF_LOCK_MS })
        session = undefined
        return locked(now)
      }
      return {
        ok: false,
        error: { code: 'staff_pin_wrong', attemptsLeft: STAFF_MAX_ATTEMPTS - attempts.counted },
      }
    },
    /** True while staff mode is open; each check counts as staff activity. */
    touch(): boolean {
      const now = deps.now()
      if (
        !session ||
        now - session.lastActivity >= STAFF_IDLE_MS ||
        now - session.openedAt >= STAFF_SESSION_MAX_MS
      ) {
        session = undefined
        return false
      }
      session.lastActivity = now
      return true
    },
    /** Whether staff mode is open now, without counting as staff activity. */
    isOpen(): boolean {
      const now = deps.now()
      return (
        session !== undefined &&
        now - session.lastActivity < STAFF_IDLE_MS &&
        now - session.openedAt < STAFF_SESSION_MAX_MS
      )
    },
    leave() {
      session = undefined
    },
  }
}

export type StaffGate = ReturnType<typeof createStaffGate>
