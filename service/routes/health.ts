import type { FastifyInstance } from 'fastify'
import type { ServiceContext } from '../context'
import { requireDevice, send } from '../http'
import { buildOpenApi } from '../openapi'
import { SERVICE_VERSION } from '../version'

export function healthRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get('/v1/health', async (_request, reply) =>
    send(reply, 200, { status: 'ok', version: SERVICE_VERSION }),
  )

  /** Lets a kiosk (`--check`) confirm its device token is accepted. */
  app.get('/v1/devices/current', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const row = await ctx.db
      .selectFrom('devices')
      .select('name')
      .where('id', '=', deviceId)
      .executeTakeFirstOrThrow()
    return send(reply, 200, { name: row.name })
  })

  const openapi = buildOpenApi()
  app.get('/v1/openapi.json', async (_request, reply) => send(reply, 200, openapi))
}
