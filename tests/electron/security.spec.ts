import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { ipcChannels } from '@shared/ipc/channels'
import { CONTENT_SECURITY_POLICY } from '@main/shell/csp'
import { launchKiosk, type Target } from './launch'

const target = () => test.info().project.metadata.target as Target

test('the window is sandboxed and context-isolated; the page has the bridge and nothing of Node', async () => {
  const { app, page } = await launchKiosk(target())
  const renderer = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const pid = BrowserWindow.getAllWindows()[0]!.webContents.getOSProcessId()
    return { pid, sandboxed: electronApp.getAppMetrics().find((m) => m.pid === pid)?.sandboxed }
  })
  // The OS-level sandbox: Electron reports it on Windows and macOS; on Linux the renderer runs
  // under a seccomp-bpf filter (mode 2), which --no-sandbox would leave off.
  if (process.platform === 'linux')
    expect(readFileSync(`/proc/${renderer.pid}/status`, 'utf8')).toMatch(/^Seccomp:\s+2$/m)
  else expect(renderer.sandboxed).toBe(true)
  expect(
    await page.evaluate(() => ({
      kiosk: typeof window.kiosk,
      process: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
    })),
  ).toEqual({ kiosk: 'object', process: 'undefined', require: 'undefined' })
  await app.close()
})

test('app:// responses carry the CSP header, and the page is held to it (there is no <meta>)', async () => {
  const { app, page } = await launchKiosk(target())
  const header = await app.evaluate(async ({ net }) =>
    (await net.fetch('app://kiosk/index.html')).headers.get('content-security-policy'),
  )
  expect(header).toBe(CONTENT_SECURITY_POLICY)
  expect(await page.locator('meta[http-equiv="Content-Security-Policy" i]').count()).toBe(0)
  // A same-origin fetch, which only connect-src 'none' refuses, and an inline script.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = []
    const both = new Promise<void>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(event.effectiveDirective)
        if (violations.length === 2) resolve()
      })
      setTimeout(resolve, 5_000)
    })
    const fetched = await fetch('app://kiosk/index.html').then(
      () => 'reached',
      (error: Error) => error.name,
    )
    const script = document.createElement('script')
    script.textContent = 'window.__ranInline = true'
    document.head.append(script)
    await both
    return { fetched, violations, ranInline: '__ranInline' in window }
  })
  expect(outcome).toEqual({
    fetched: 'TypeError',
    violations: ['connect-src', 'script-src-elem'],
    ranInline: false,
  })
  await app.close()
})

test('module scripts load: the app mounts', async () => {
  const { app, page } = await launchKiosk(target())
  expect(await page.locator('script[type="module"]').count()).toBeGreaterThan(0)
  await expect(page.locator('#app > *').first()).toBeVisible()
  await app.close()
})

test("window.kiosk has exactly the contract's channels, and onEvent", async () => {
  const { app, page } = await launchKiosk(target())
  const exposed = await page.evaluate(() =>
    Object.entries(window.kiosk as unknown as Record<string, unknown>).flatMap(([domain, value]) =>
      typeof value === 'function'
        ? [domain]
        : Object.keys(value as Record<string, unknown>).map((action) => `${domain}.${action}`),
    ),
  )
  expect(exposed.sort()).toEqual([...ipcChannels, 'onEvent'].sort())
  await app.close()
})
