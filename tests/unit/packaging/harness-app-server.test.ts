import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@main/shell/csp'
import { startAppServer } from '../../../tools/harness/app-server'

/** The start-up bench's loopback server: the app:// handler's answers, over a socket. */
describe('the harness app server', () => {
  const root = mkdtempSync(join(tmpdir(), 'app-server-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>kiosk</p>')
  writeFileSync(join(root, 'assets', 'start.js'), 'export const start = 1')
  writeFileSync(join(root, 'out-of-order.html'), '<main><h1>Hors service</h1></main>')
  let server: Awaited<ReturnType<typeof startAppServer>>
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`
  beforeAll(async () => (server = await startAppServer(root)))
  afterAll(() => server.close())

  it("answers a file with the handler's body and headers, never cached", async () => {
    const response = await fetch(url('/assets/start.js'))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('export const start = 1')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('refuses what the handler refuses: a path out of the renderer, a missing file', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/assets/missing.js']) {
      const response = await fetch(url(path))
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it('passes the query on: the out-of-order page says its reason, as under app://', async () => {
    const page = await (await fetch(url('/out-of-order.html?reason=sandbox_off'))).text()
    expect(page).toContain('For IT')
    expect(await (await fetch(url('/out-of-order.html'))).text()).not.toContain('For IT')
  })

  it('answers 30 requests at once, each with its own file', async () => {
    const paths = Array.from({ length: 30 }, (_, i) => (i % 2 ? '/index.html' : '/assets/start.js'))
    const bodies = await Promise.all(paths.map((path) => fetch(url(path)).then((r) => r.text())))
    bodies.forEach((body, i) =>
      expect(body).toBe(i % 2 ? '<!doctype html><p>kiosk</p>' : 'export const start = 1'),
    )
  })
})
