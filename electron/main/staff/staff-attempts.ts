import { renameSync, readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import type { EventLog } from '../event-log'

/** Staff PIN attempts counted so far, and the end of the current lockout (ms since the epoch). */
export const StaffAttempts = z.strictObject({
  counted: z.number().int().nonnegative(),
  lockedUntil: z.number().nonnegative(),
})
export type StaffAttempts = z.infer<typeof StaffAttempts>

/** Where the staff gate keeps its counter, so that a crash or restart of main does not reset it. */
export interface StaffAttemptStore {
  /** `unreadable`: a record exists but cannot be trusted. */
  load(): StaffAttempts | 'unreadable'
  save(attempts: StaffAttempts): void
}

const fresh = (): StaffAttempts => ({ counted: 0, lockedUntil: 0 })

/** The browser harness and tests: main's lifetime only. */
export function memoryStaffAttempts(): StaffAttemptStore {
  let saved = fresh()
  return {
    load: () => ({ ...saved }),
    save: (attempts) => {
      saved = { ...attempts }
    },
  }
}

/**
 * A small JSON file in the app's data folder. Not a secret (a count and a time), so not the
 * keychain. Written to a temporary file and renamed, so a crash mid-write leaves the old record
 * or the new one, never half of one.
 */
export function fileStaffAttempts(path: string, log: EventLog): StaffAttemptStore {
  return {
    load() {
      let text: string
      try {
        text = readFileSync(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fresh()
        log.error('staff.attempts_unreadable', { error: (error as Error).name })
        return 'unreadable'
      }
      try {
        return StaffAttempts.parse(JSON.parse(text))
      } catch {
        log.error('staff.attempts_unreadable', { error: 'invalid_record' })
        return 'unreadable'
      }
    },
    save(attempts) {
      try {
        writeFileSync(`${path}.tmp`, JSON.stringify(attempts), { mode: 0o600 })
        renameSync(`${path}.tmp`, path)
      } catch (error) {
        // Staff must still be able to reach the panel (to quit the kiosk) on a read-only disk;
        // the count then lives in memory only, and IT sees why in the log.
        log.error('staff.attempts_not_saved', { error: (error as Error).name })
      }
    },
  }
}
