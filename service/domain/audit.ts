import type { AuditAction, AuditEntry } from '@shared/api/staff'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import type { Db } from '../db/store'
import { inTransaction } from '../db/transactions'
import { ApiError } from '../errors'
import { auditDetail } from '@shared/api/console/audit-detail'

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

export async function recordAudit(
  ctx: ServiceContext,
  actor: Actor,
  record: AuditRecord,
): Promise<void> {
  await ctx.db
    .insertInto('audit_log')
    .values({
      at: ctx.clock.now(),
      staff_id: actor.staffId ?? null,
      device_id: actor.deviceId ?? null,
      console_account_id: actor.consoleAccountId ?? null,
      action: record.action,
      target: record.target ?? null,
      detail: record.detail ?? null,
      result: record.result,
    })
    .execute()
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
      await recordAudit(
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
export async function auditSucceeded(ctx: ServiceContext, audit: StaffCallAudit): Promise<void> {
  await recordAudit(ctx, audit.actor, {
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
export async function audited<T>(
  ctx: ServiceContext,
  actor: Actor,
  record: Omit<AuditRecord, 'result'>,
  action: (tx: ServiceContext) => Promise<T>,
  /** What the success row adds to the detail that only the action knows (a device back in service). */
  detailOf?: (result: T) => string | undefined,
): Promise<T> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const result = await action(tx)
      const detail = auditDetail(record.detail ?? false, detailOf?.(result) ?? false)
      await recordAudit(tx, actor, {
        ...record,
        ...(detail !== undefined ? { detail } : {}),
        result: 'ok',
      })
      return result
    })
  } catch (error) {
    await recordAudit(ctx, actor, { ...record, result: failureCode(error) })
    throw error
  }
}

/**
 * Runs a staff action in one transaction with its success row: the row and the change stand or
 * fall together. A failure's row is `auditStaffCall`'s.
 */
export function auditedAction<T>(
  ctx: ServiceContext,
  audit: StaffCallAudit,
  action: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    const result = await action(tx)
    await auditSucceeded(tx, audit)
    return result
  })
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

/** The audit joined to who acted (staff or console account) and where. */
const auditJoins = (db: Db) =>
  db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .leftJoin('console_accounts as c', 'c.id', 'a.console_account_id')
    .leftJoin('devices as d', 'd.id', 'a.device_id')

const AUDIT_COLUMNS = [
  'a.at',
  'a.action',
  'a.target',
  'a.detail',
  'a.result',
  's.email as staff_email',
  's.name as staff_name',
  'c.email as console_email',
  'c.name as console_name',
  'd.name as device',
] as const

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
export async function readAudit(
  ctx: ServiceContext,
  query: { since: number; until?: number; limit?: number },
): Promise<AuditEntry[]> {
  const rows = await auditJoins(ctx.db)
    .select(AUDIT_COLUMNS)
    .where('a.at', '>=', query.since)
    .where('a.at', '<', query.until ?? Number.MAX_SAFE_INTEGER)
    .orderBy('a.at')
    .orderBy('a.id')
    .limit(query.limit ?? 1000)
    .execute()
  return (rows as AuditRow[]).map(toEntry)
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
 * rows that match. A filter left out is not in the statement (one text per set of filters).
 */
export async function searchAudit(
  ctx: ServiceContext,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const matching = auditJoins(ctx.db)
    .$if(filter.actions !== undefined, (query) =>
      query.where('a.action', 'in', filter.actions!.length ? [...filter.actions!] : ['']),
    )
    .$if(filter.actor !== undefined, (query) =>
      query.where((eb) =>
        eb.or([eb('s.email', '=', filter.actor!), eb('c.email', '=', filter.actor!)]),
      ),
    )
    .$if(filter.target !== undefined, (query) => query.where('a.target', '=', filter.target!))
    .$if(filter.action !== undefined, (query) => query.where('a.action', '=', filter.action!))
    .where('a.at', '>=', filter.since ?? 0)
    .where('a.at', '<', filter.until ?? Number.MAX_SAFE_INTEGER)
  const { total } = await matching
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const rows = await matching
    .select(AUDIT_COLUMNS)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { entries: (rows as AuditRow[]).map(toEntry), total }
}
