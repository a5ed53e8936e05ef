import type { FastifyInstance } from 'fastify'
import { AUDIT_PAGE_SIZE, auditCsvColumns, AuditSearch } from '@shared/api/console/audit'
import { staffAccountAuditActions } from '@shared/api/console/audit-actions'
import { staffAuditActions, type AuditAction } from '@shared/api/staff'
import type { ServiceContext } from '../../context'
import type { ConsoleCaller } from '../../domain/console-sessions'
import { searchAudit, type AuditFilter } from '../../domain/audit'
import { toCsv } from '../../csv'
import { parseInput, send } from '../../http'
import { consoleCaller } from './console-http'

/** The registrar reads the counter desk's part: what staff did at counters, and to staff. */
const counterDeskActions: readonly AuditAction[] = [
  ...staffAuditActions,
  ...staffAccountAuditActions,
]

/** The most rows one CSV export holds (a year of a busy office fits). */
const CSV_MAX_ROWS = 100_000

function filterFor(caller: ConsoleCaller, body: unknown): { filter: AuditFilter; page: number } {
  const search = parseInput(AuditSearch, body)
  return {
    page: search.page,
    filter: {
      ...(search.actor ? { actor: search.actor } : {}),
      ...(search.target ? { target: search.target } : {}),
      ...(search.action ? { action: search.action } : {}),
      ...(search.since ? { since: Date.parse(search.since) } : {}),
      ...(search.until ? { until: Date.parse(search.until) } : {}),
      ...(caller.account.role === 'registrar' ? { actions: counterDeskActions } : {}),
    },
  }
}

/**
 * The audit page's API (docs/console.md). Searches are POSTs: an exact student address is a
 * filter, and addresses stay out of URLs (proxy logs, browser history).
 */
export function consoleAuditRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/console/audit/search', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'audit')
    const { filter, page } = filterFor(caller, request.body)
    const found = await searchAudit(ctx, filter, {
      offset: (page - 1) * AUDIT_PAGE_SIZE,
      limit: AUDIT_PAGE_SIZE,
    })
    return send(reply, 200, { ...found, page, pageSize: AUDIT_PAGE_SIZE })
  })

  app.post('/v1/console/audit/export', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'audit')
    const { filter } = filterFor(caller, request.body)
    const { entries } = await searchAudit(ctx, filter, { offset: 0, limit: CSV_MAX_ROWS })
    const csv = toCsv(
      auditCsvColumns,
      entries.map((entry) => [
        entry.at,
        entry.staff?.email,
        entry.staff?.name,
        entry.via,
        entry.device,
        entry.action,
        entry.target,
        entry.detail,
        entry.result,
      ]),
    )
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit.csv"')
    return send(reply, 200, csv)
  })
}
