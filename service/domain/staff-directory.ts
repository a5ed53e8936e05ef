import type { StaffAccountSummary } from '@shared/api/console/accounts'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { enrolmentState } from './enrolment-codes'

/** Counter staff as the console lists them: state, a sign-in lock in force, when added. */
export async function staffDirectory(ctx: ServiceContext): Promise<StaffAccountSummary[]> {
  const now = ctx.clock.now()
  const rows = await ctx.db
    .selectFrom('staff as s')
    .leftJoin('staff_sign_in_throttle as t', 't.email', 's.email')
    .select([
      's.email',
      's.name',
      's.disabled',
      's.password_hash',
      's.enrolment_expires_at',
      's.created_at',
      't.locked_until',
    ])
    .orderBy('s.email')
    .execute()
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
export async function liftStaffLock(ctx: ServiceContext, email: string): Promise<boolean> {
  const lifted = await ctx.db
    .deleteFrom('staff_sign_in_throttle')
    .where('email', '=', email)
    .executeTakeFirst()
  return lifted.numDeletedRows > 0n
}
