import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { apiError } from '../../errors'
import { consoleHeaders } from './security-headers'

/**
 * The console's pages at `/console/` (docs/console.md): the Vite build in `root`
 * (`out/console`), under a strict content security policy. Hashed assets are cached for good; the
 * page itself never, so a new build is seen at once. Every other path under `/console/` is a page
 * of the app (vue-router's history mode) and gets `index.html`.
 */
export async function consolePages(app: FastifyInstance, root: string) {
  app.get('/console', async (_request, reply) => reply.redirect('/console/', 308))
  if (!existsSync(join(root, 'index.html'))) {
    // A service started from a checkout that was never built: say what to do.
    app.get('/console/*', async () => {
      throw apiError(404, 'not_found', {
        message: 'The console is not built: run "npm run build" (it writes out/console).',
      })
    })
    return
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/console/',
    wildcard: false,
    index: 'index.html',
    decorateReply: true,
    dotfiles: 'deny',
    setHeaders: (reply, path) => {
      reply.headers(consoleHeaders)
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })
  app.get('/console/*', async (_request, reply) => {
    return reply
      .headers(consoleHeaders)
      .header('cache-control', 'no-cache')
      .sendFile('index.html', root)
  })
}
