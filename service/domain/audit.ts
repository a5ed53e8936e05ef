import type { AuditEntry, StaffAuditAction } from '@shared/api/staff'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { inTransaction } from '../db/transactions'
import { ApiError } from '../errors'

/** Who acted, and where: the staff member (unknown for a failed sign-in) and the device. */
export interface Actor {
  staffId: string | null
  deviceId: string
}

export interface AuditRecord {
  action: StaffAuditAction
  target?: string
  detail?: string
  result: string
}

export async function recordAudit(
  ctx: ServiceContext,
  actor: Actor,
  record: AuditRecord,
): Promise<void> {
  await ctx.db
    .insertInto('audit_log')
    .values({
      at: ctx.clock.now(),
      staff_id: actor.staffId,
      device_id: actor.deviceId,
      action: record.action,
      target: record.target ?? null,
      detail: record.detail ?? null,
      result: record.result,
    })
    .execute()
}

/**
 * Runs a staff action and writes its audit row: in the action's own transaction when it succeeds
 * (the row and the change stand or fall together), and after it with the error's code when it
 * fails, so refused attempts are on record too.
 */
export async function audited<T>(
  ctx: ServiceContext,
  actor: Actor,
  record: Omit<AuditRecord, 'result'>,
  action: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const result = await action(tx)
      await recordAudit(tx, actor, { ...record, result: 'ok' })
      return result
    })
  } catch (error) {
    const code = error instanceof ApiError ? error.body.code : 'server_error'
    await recordAudit(ctx, actor, { ...record, result: code })
    throw error
  }
}

/** The audit from `since` (inclusive) to `until` (exclusive), oldest first. */
export async function readAudit(
  ctx: ServiceContext,
  query: { since: number; until?: number; limit?: number },
): Promise<AuditEntry[]> {
  const rows = await ctx.db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .leftJoin('devices as d', 'd.id', 'a.device_id')
    .select([
      'a.at',
      'a.action',
      'a.target',
      'a.detail',
      'a.result',
      's.email as staff_email',
      's.name as staff_name',
      'd.name as device',
    ])
    .where('a.at', '>=', query.since)
    .where('a.at', '<', query.until ?? Number.MAX_SAFE_INTEGER)
    .orderBy('a.at')
    .orderBy('a.id')
    .limit(query.limit ?? 1000)
    .execute()
  return rows.map((row) => ({
    at: iso(row.at),
    staff: row.staff_email !== null ? { email: row.staff_email, name: row.staff_name ?? '' } : null,
    device: row.device,
    action: row.action as StaffAuditAction,
    target: row.target,
    detail: row.detail,
    result: row.result,
  }))
}
