import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { launchKiosk, type Target } from './launch'

const target = () => test.info().project.metadata.target as Target

test('a proxy that asks for credentials is named in the log (net.fetch sends none)', async () => {
  // A campus proxy: every request and every CONNECT gets 407.
  const proxy = createServer((_request, response) =>
    response.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="campus"' }).end(),
  )
  proxy.on('connect', (_request, socket) =>
    socket.end(
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="campus"\r\nContent-Length: 0\r\n\r\n',
    ),
  )
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done))
  try {
    const { port } = proxy.address() as AddressInfo
    // The demo beats at once: its first request to the service goes through the proxy.
    const { app } = await launchKiosk(target(), {
      args: [`--proxy-server=http://127.0.0.1:${port}`],
      env: { MESCERTIF_DEMO_SERVICE_URL: 'https://accounts.example.invalid' },
    })
    const log = join(
      await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs')),
      'main.log',
    )
    await expect
      .poll(() => readFileSync(log, 'utf8').match(/network\.proxy problem=(\w+)/)?.[1])
      .toMatch(/^proxy_(auth_required|refused)$/)
    await app.close()
  } finally {
    await new Promise((done) => proxy.close(done))
  }
})
