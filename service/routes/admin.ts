import type { FastifyInstance } from 'fastify'
import { DeviceIdParams } from '@shared/api/fleet'
import { AuditQuery } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { readAudit } from '../domain/audit'
import { disableDeviceAudited } from '../domain/devices'
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

  /** A stolen or retired kiosk: its token and every session on it stop working now (audited). */
  app.post('/v1/admin/devices/:id/disable', async (request, reply) => {
    requireAdmin(ctx, request)
    const { id } = parseInput(DeviceIdParams, request.params)
    await disableDeviceAudited(ctx, { id }, 'admin_api')
    return send(
      reply,
      200,
      (await fleetHealth(ctx)).find((device) => device.id === id),
    )
  })
}
