import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openConsoleService, type ConsoleService } from './console-harness'

let t: ConsoleService | undefined
afterEach(() => t?.close())

/** A built console as Vite leaves it: a page and a hashed asset. */
function builtConsole(): string {
  const root = mkdtempSync(join(tmpdir(), 'console-build-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><script type="module" src="/console/assets/index-abc.js"></script>',
  )
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}')
  return root
}

describe('the console’s pages', () => {
  it('are served at /console/ under a strict policy: no inline script, never framed', async () => {
    t = await openConsoleService({ consoleRoot: builtConsole() })
    for (const path of ['/console/', '/console/fleet', '/console/audit?action=lookup']) {
      const page = await t.request('GET', path)
      expect(page.status, path).toBe(200)
      expect(page.raw).toContain('<!doctype html>')
      const csp = String(page.headers['content-security-policy'])
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("connect-src 'self'")
      expect(page.headers['x-frame-options']).toBe('DENY')
      expect(page.headers['cache-control']).toBe('no-cache')
    }
    const asset = await t.request('GET', '/console/assets/index-abc.js')
    expect(asset.headers['cache-control']).toMatch(/immutable/)
    expect((await t.request('GET', '/console')).status).toBe(308)
  })

  it('the API answers are never cached and carry the same headers', async () => {
    t = await openConsoleService({ consoleRoot: builtConsole() })
    const answer = await t.request('GET', '/v1/console/session')
    expect(answer.status).toBe(401)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(String(answer.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
  })

  it('say how to build the console when it was never built', async () => {
    t = await openConsoleService({ consoleRoot: join(tmpdir(), 'no-console-here') })
    const page = await t.request('GET', '/console/')
    expect(page.status).toBe(404)
    expect(page.body.error?.message).toMatch(/npm run build/)
  })
})
