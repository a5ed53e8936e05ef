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
 * Runs a staff action and writes its audit row: in the action's own transaction when it succeeds
 * (the row and the change stand or fall together), and after it with the error's code when it
 * fails, so refused attempts are on record too.
 */
export function audited<T>(
  ctx: ServiceContext,
  actor: Actor,
  record: Omit<AuditRecord, 'result'>,
  action: () => T,
): T {
  try {
    return ctx.db.transaction(() => {
      const result = action()
      recordAudit(ctx, actor, { ...record, result: 'ok' })
      return result
    })()
  } catch (error) {
    const code = error instanceof ApiError ? error.body.code : 'server_error'
    recordAudit(ctx, actor, { ...record, result: code })
    throw error
  }
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
