import type { FastifyInstance } from 'fastify'
import type { ServiceContext } from '../../context'
import type { FleetWatch } from '../../fleet-watch'
import { consoleAccountRoutes } from './accounts'
import { consoleActivityRoutes } from './activity'
import { consoleAuditRoutes } from './audit'
import { consoleFleetRoutes } from './fleet'
import { consolePages } from './pages'
import { consoleHeaders } from './security-headers'
import { consoleSessionRoutes } from './session'

/**
 * The console (docs/console.md): its pages at `/console/` and its API under `/v1/console/`, in one
 * plugin scope whose answers are never cached and carry the console's security headers.
 */
export async function consoleRoutes(
  app: FastifyInstance,
  ctx: ServiceContext,
  options: { watch: FleetWatch; root: string },
) {
  await app.register(async (scope) => {
    scope.addHook('onSend', async (request, reply) => {
      if (!request.url.startsWith('/v1/console/')) return
      reply.headers(consoleHeaders)
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    })
    consoleSessionRoutes(scope, ctx)
    consoleFleetRoutes(scope, ctx, options.watch)
    consoleActivityRoutes(scope, ctx)
    consoleAuditRoutes(scope, ctx)
    consoleAccountRoutes(scope, ctx)
    await consolePages(scope, options.root)
  })
}
