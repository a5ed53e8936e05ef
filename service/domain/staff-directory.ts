import type { StaffAccountSummary } from '@shared/api/console/accounts'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { enrolmentState } from './enrolment-codes'
import type { StaffRow } from './staff-accounts'

/** Counter staff as the console lists them: state, a sign-in lock in force, when added. */
export function staffDirectory(ctx: ServiceContext): StaffAccountSummary[] {
  const now = ctx.clock.now()
  const rows = ctx.db
    .prepare(
      `SELECT s.*, t.locked_until FROM staff s
       LEFT JOIN staff_sign_in_throttle t ON t.email = s.email ORDER BY s.email`,
    )
    .all() as (StaffRow & { locked_until: number | null })[]
  return rows.map((row) => ({
    email: row.email,
    name: row.name,
    state: enrolmentState(row, now),
    ...(row.locked_until !== null && row.locked_until > now
      ? { lockedUntil: iso(row.locked_until) }
      : {}),
    createdAt: iso(row.created_at),
  }))
}

/** Lifts a staff member's sign-in lock (rule 7); true if there was something to lift. */
export function liftStaffLock(ctx: ServiceContext, email: string): boolean {
  return ctx.db.prepare('DELETE FROM staff_sign_in_throttle WHERE email = ?').run(email).changes > 0
}
