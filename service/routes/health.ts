import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { deviceById } from '../domain/device-admin'
import { apiError } from '../errors'
import { requireDevice, send } from '../http'
import { buildOpenApi } from '../openapi'
import { SERVICE_VERSION } from '../version'

/** How long the readiness probe waits for the database before saying this instance is not ready. */
const READY_TIMEOUT_MS = 2_000

export function healthRoutes(app: FastifyInstance, ctx: ServiceContext) {
  // Liveness: the process answers (the kiosk's "service reachable?").
  app.get('/v1/health', async (_request, reply) =>
    send(reply, 200, { status: 'ok', version: SERVICE_VERSION }),
  )

  /**
   * Readiness, for a load balancer in front of several instances (docs/deployment.md): 200 while
   * this instance can reach its database, 503 when it cannot or is shutting down (Fastify answers
   * 503 while closing), so traffic goes to the others. No token: it says nothing but ok or not.
   */
  app.get('/v1/health/ready', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database timeout')), READY_TIMEOUT_MS)
    })
    try {
      await Promise.race([sql`SELECT 1`.execute(ctx.db), late])
    } catch {
      throw apiError(503, 'server_error')
    } finally {
      clearTimeout(timer)
    }
    return send(reply, 200, { status: 'ok', version: SERVICE_VERSION })
  })

  /** Lets a kiosk (`--check`) confirm its device token is accepted. */
  app.get('/v1/devices/current', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const device = await deviceById(ctx, deviceId)
    return send(reply, 200, { name: device!.name })
  })

  const openapi = buildOpenApi()
  app.get('/v1/openapi.json', async (_request, reply) => send(reply, 200, openapi))
}
