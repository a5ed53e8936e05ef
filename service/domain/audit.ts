import type { AuditAction, AuditEntry } from '@shared/api/staff'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { ApiError } from '../errors'

/**
 * Who acted, and where: a staff member at a counter device (unknown for a failed sign-in), or a
 * console account (docs/console.md), which acts from no device.
 */
export interface Actor {
  staffId?: string | null
  deviceId?: string | null
  consoleAccountId?: string | null
}

export interface AuditRecord {
  action: AuditAction
  target?: string
  detail?: string
  result: string
}

export function recordAudit(ctx: ServiceContext, actor: Actor, record: AuditRecord): void {
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, staff_id, device_id, console_account_id, action, target, detail,
         result)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.clock.now(),
      actor.staffId ?? null,
      actor.deviceId ?? null,
      actor.consoleAccountId ?? null,
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

interface AuditRow {
  at: number
  action: AuditAction
  target: string | null
  detail: string | null
  result: string
  staff_email: string | null
  staff_name: string | null
  console_email: string | null
  console_name: string | null
  device: string | null
}

const AUDIT_COLUMNS = `a.at, a.action, a.target, a.detail, a.result, s.email AS staff_email,
  s.name AS staff_name, c.email AS console_email, c.name AS console_name, d.name AS device`
const AUDIT_JOINS = `audit_log a LEFT JOIN staff s ON s.id = a.staff_id
  LEFT JOIN console_accounts c ON c.id = a.console_account_id
  LEFT JOIN devices d ON d.id = a.device_id`

function toEntry(row: AuditRow): AuditEntry {
  const consoleActor = row.console_email !== null
  const email = consoleActor ? row.console_email : row.staff_email
  const name = consoleActor ? row.console_name : row.staff_name
  return {
    at: iso(row.at),
    staff: email !== null ? { email, name: name ?? '' } : null,
    via: consoleActor ? 'console' : 'counter',
    device: row.device,
    action: row.action,
    target: row.target,
    detail: row.detail,
    result: row.result,
  }
}

/** The audit from `since` (inclusive) to `until` (exclusive), oldest first. */
export function readAudit(
  ctx: ServiceContext,
  query: { since: number; until?: number; limit?: number },
): AuditEntry[] {
  const rows = ctx.db
    .prepare(
      `SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_JOINS}
       WHERE a.at >= :since AND a.at < :until ORDER BY a.at, a.id LIMIT :limit`,
    )
    .all({
      since: query.since,
      until: query.until ?? Number.MAX_SAFE_INTEGER,
      limit: query.limit ?? 1000,
    }) as AuditRow[]
  return rows.map(toEntry)
}

export interface AuditFilter {
  /** The exact address of the staff member or console account who acted. */
  actor?: string
  /** The exact address acted on. */
  target?: string
  action?: AuditAction
  since?: number
  until?: number
  /** The actions this reader may see (the registrar: the counter desk's); all when absent. */
  actions?: readonly AuditAction[]
}

/**
 * The console's search: every filter exact, newest first, a page at a time, with the number of
 * rows that match. The statement's text is constant: absent filters are NULL parameters.
 */
export function searchAudit(
  ctx: ServiceContext,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): { entries: AuditEntry[]; total: number } {
  const scope = filter.actions
    ? `a.action IN (${filter.actions.map((action) => `'${action}'`).join(', ')})`
    : '1 = 1'
  const where = `WHERE ${scope}
    AND (:actor IS NULL OR s.email = :actor OR c.email = :actor)
    AND (:target IS NULL OR a.target = :target)
    AND (:action IS NULL OR a.action = :action)
    AND a.at >= :since AND a.at < :until`
  const params = {
    actor: filter.actor ?? null,
    target: filter.target ?? null,
    action: filter.action ?? null,
    since: filter.since ?? 0,
    until: filter.until ?? Number.MAX_SAFE_INTEGER,
  }
  const { total } = ctx.db
    .prepare(`SELECT count(*) AS total FROM ${AUDIT_JOINS} ${where}`)
    .get(params) as { total: number }
  const rows = ctx.db
    .prepare(
      `SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_JOINS} ${where}
       ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: page.limit, offset: page.offset }) as AuditRow[]
  return { entries: rows.map(toEntry), total }
}
