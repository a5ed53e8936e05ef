import { createServer } from 'node:http'
import type { Page } from '@playwright/test'
import type { AddressInfo } from 'node:net'
import { serveAppRequest } from '@main/shell/app-protocol'

/**
 * The built renderer over a loopback socket, each request answered by the real `app://` handler
 * (same files, same headers). Chromium reaches it through `--host-resolver-rules`, so the page
 * keeps its origin; unlike `page.route`, no request is paused and handed to the test driver over
 * the DevTools protocol, which costs 10–25 ms a file on these machines (docs/performance.md).
 */
export async function startAppServer(root: string) {
  const answer = async (url: URL) => {
    // The query too: the out-of-order page reads its reason from it, as under app://.
    const response = await serveAppRequest(`app://kiosk${url.pathname}${url.search}`, root)
    return { response, body: Buffer.from(await response.arrayBuffer()) }
  }
  const server = createServer((request, reply) => {
    answer(new URL(request.url ?? '/', 'http://app.local')).then(
      ({ response, body }) => {
        // Electron's custom scheme has no HTTP cache; neither does this one.
        reply.writeHead(response.status, {
          ...Object.fromEntries(response.headers.entries()),
          'Cache-Control': 'no-store',
          'Content-Length': body.length,
        })
        reply.end(body)
      },
      () => reply.writeHead(500).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * The same handler behind Playwright's interception, for `origin` in `page`: each request paused
 * and fulfilled by the driver over the DevTools protocol, as the e2e tests serve the kiosk.
 */
export async function routeAppFiles(page: Page, origin: string, root: string): Promise<void> {
  await page.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname
    const response = await serveAppRequest(`app://kiosk${path}`, root)
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
}
