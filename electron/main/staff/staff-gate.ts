import { STAFF_IDLE_MS } from '../../../shared/staff-pin'
import type { Result } from '../../../shared/result'

export const STAFF_MAX_ATTEMPTS = 5
export const STAFF_LOCK_MS = 5 * 60_000

/**
 * Staff mode: a PIN opens it, 5 wrong PINs lock it for 5 minutes, and it closes itself after
 * 60 s without staff activity.
 */
export function createStaffGate(deps: {
  checkPin: (pin: string) => Promise<boolean>
  now: () => number
}) {
  let wrong = 0
  let lockedUntil = 0
  let lastActivity: number | undefined

  return {
    async unlock(pin: string): Promise<Result<Record<string, never>>> {
      const now = deps.now()
      if (lockedUntil > now) {
        return {
          ok: false,
          error: { code: 'staff_locked', retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000) },
        }
      }
      if (await deps.checkPin(pin)) {
        wrong = 0
        lastActivity = deps.now()
        return { ok: true, data: {} }
      }
      wrong++
      if (wrong >= STAFF_MAX_ATTEMPTS) {
        wrong = 0
        lockedUntil = deps.now() + STAFF_LOCK_MS
        return {
          ok: false,
          error: { code: 'staff_locked', retryAfterSeconds: STAFF_LOCK_MS / 1000 },
        }
      }
      return {
        ok: false,
        error: { code: 'staff_pin_wrong', attemptsLeft: STAFF_MAX_ATTEMPTS - wrong },
      }
    },
    /** True while staff mode is open; each check counts as staff activity. */
    touch(): boolean {
      const now = deps.now()
      if (lastActivity === undefined || now - lastActivity >= STAFF_IDLE_MS) {
        lastActivity = undefined
        return false
      }
      lastActivity = now
      return true
    },
    leave() {
      lastActivity = undefined
    },
  }
}

export type StaffGate = ReturnType<typeof createStaffGate>
