import type { FastifyInstance } from 'fastify'
import { AuditQuery } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { readAudit } from '../domain/audit'
import { fleetHealth } from '../domain/fleet'
import { parseInput, requireAdmin, send } from '../http'

/** What the institution's administrator reads: the staff audit and the fleet's health. */
export function adminRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get('/v1/admin/audit', async (request, reply) => {
    requireAdmin(ctx, request)
    const query = parseInput(AuditQuery, request.query)
    const entries = await readAudit(ctx, {
      since: Date.parse(query.since),
      ...(query.until ? { until: Date.parse(query.until) } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
    })
    return send(reply, 200, { entries })
  })

  app.get('/v1/admin/devices', async (request, reply) => {
    requireAdmin(ctx, request)
    return send(reply, 200, { devices: await fleetHealth(ctx) })
  })
}
