import type { FastifyInstance } from 'fastify'
import { Heartbeat } from '@shared/api/fleet'
import type { ServiceContext } from '../context'
import { recordHeartbeat } from '../domain/fleet'
import { parseInput, requireDevice, send } from '../http'

/** Fleet health: each kiosk says how it is, every minute (docs/deployment.md, "Fleet health"). */
export function deviceRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/devices/heartbeat', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    await recordHeartbeat(ctx, deviceId, parseInput(Heartbeat, request.body))
    return send(reply, 204)
  })
}
