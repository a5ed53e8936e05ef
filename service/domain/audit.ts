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
 * What one staff call's audit row will say, filled in as the call learns it: the device once its
 * token is checked, the staff member once the session (or the address signing in) is known, the
 * target once the body parses.
 */
export interface StaffCallAudit {
  action: AuditAction
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
  action: AuditAction,
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
 * Runs an action and writes its audit row: in the action's own transaction when it succeeds (the
 * row and the change stand or fall together), and after it with the error's code when it fails,
 * so refused attempts are on record too (the console's actions).
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
    recordAudit(ctx, actor, { ...record, result: failureCode(error) })
    throw error
  }
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
