import type { AuditEntry, StaffAuditAction } from '@shared/api/staff'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { ApiError } from '../errors'

/**
 * Who acted, and where: the staff member (unknown for a failed sign-in) and the device (none for
 * IT's own actions, and for a staff call whose device token was not recognised).
 */
export interface Actor {
  staffId: string | null
  deviceId: string | null
}

export interface AuditRecord {
  action: StaffAuditAction
  target?: string
  detail?: string
  result: string
}

export function recordAudit(ctx: ServiceContext, actor: Actor, record: AuditRecord): void {
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, staff_id, device_id, action, target, detail, result)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.clock.now(),
      actor.staffId,
      actor.deviceId,
      record.action,
      record.target ?? null,
      record.detail ?? null,
      record.result,
    )
}

/**
 * What one staff call's audit row will say, filled in as the call learns it: the device once its
 * token is checked, the staff member once the session (or the address signing in) is known, the
 * target once the body parses.
 */
export interface StaffCallAudit {
  action: StaffAuditAction
  actor: Actor
  target?: string
  detail?: string
  /** Set once the success row is written (in the action's transaction). */
  written: boolean
}

const failureCode = (error: unknown) =>
  error instanceof ApiError ? error.body.code : 'server_error'

/**
 * Every staff call writes exactly one audit row, refused ones included (issue 25, rule 5): a
 * malformed or over-full body, a sign-in from a public kiosk, a bad correction, an expired
 * session. The call runs first; if it fails before its success row is written, the row is
 * written here with the error's code and whatever the call had learned. A call whose device
 * token is not recognised writes nothing: there is no one to attribute it to, and an
 * unauthenticated writer could fill the disk (docs/security.md).
 */
export async function auditStaffCall<T>(
  ctx: ServiceContext,
  request: { deviceId?: string },
  action: StaffAuditAction,
  run: (audit: StaffCallAudit) => Promise<T>,
): Promise<T> {
  const audit: StaffCallAudit = { action, actor: { staffId: null, deviceId: null }, written: false }
  try {
    return await run(audit)
  } catch (error) {
    const deviceId = audit.actor.deviceId ?? request.deviceId ?? null
    if (!audit.written && deviceId !== null)
      recordAudit(
        ctx,
        { ...audit.actor, deviceId },
        {
          action,
          ...(audit.target !== undefined ? { target: audit.target } : {}),
          ...(audit.detail !== undefined ? { detail: audit.detail } : {}),
          result: failureCode(error),
        },
      )
    throw error
  }
}

/** The success row of a staff call, inside the caller's transaction when it has one. */
export function auditSucceeded(ctx: ServiceContext, audit: StaffCallAudit): void {
  recordAudit(ctx, audit.actor, {
    action: audit.action,
    ...(audit.target !== undefined ? { target: audit.target } : {}),
    ...(audit.detail !== undefined ? { detail: audit.detail } : {}),
    result: 'ok',
  })
  audit.written = true
}

/**
 * Runs a staff action in one transaction with its success row: the row and the change stand or
 * fall together. A failure's row is `auditStaffCall`'s.
 */
export function auditedAction<T>(ctx: ServiceContext, audit: StaffCallAudit, action: () => T): T {
  return ctx.db.transaction(() => {
    const result = action()
    auditSucceeded(ctx, audit)
    return result
  })()
}

/** The audit from `since` (inclusive) to `until` (exclusive), oldest first. */
export function readAudit(
  ctx: ServiceContext,
  query: { since: number; until?: number; limit?: number },
): AuditEntry[] {
  const rows = ctx.db
    .prepare(
      `SELECT a.at, a.action, a.target, a.detail, a.result, s.email AS staff_email,
         s.name AS staff_name, d.name AS device
       FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN devices d ON d.id = a.device_id
       WHERE a.at >= :since AND a.at < :until ORDER BY a.at, a.id LIMIT :limit`,
    )
    .all({
      since: query.since,
      until: query.until ?? Number.MAX_SAFE_INTEGER,
      limit: query.limit ?? 1000,
    }) as {
    at: number
    action: StaffAuditAction
    target: string | null
    detail: string | null
    result: string
    staff_email: string | null
    staff_name: string | null
    device: string | null
  }[]
  return rows.map((row) => ({
    at: iso(row.at),
    staff: row.staff_email !== null ? { email: row.staff_email, name: row.staff_name ?? '' } : null,
    device: row.device,
    action: row.action,
    target: row.target,
    detail: row.detail,
    result: row.result,
  }))
}
