import { _electron as electron, expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { relaunchArguments } from '@main/shell/start-failure'
import { DEVICE_TOKEN, startReferenceService } from '../e2e/harness/reference-service'
import { configFile, kioskModeConfig, launchKiosk, requireTarget, type Target } from './launch'

const target = () => test.info().project.metadata.target as Target

test('started with --no-sandbox: out of order, with the reason for IT, and the OS can still quit it', async () => {
  // Electron adds the same switch for ELECTRON_DISABLE_SANDBOX, and the AppImage's AppRun adds it
  // where user namespaces are restricted (electron/main/shell/chromium-sandbox.ts).
  const { app, page } = await launchKiosk(target(), {
    args: ['--no-sandbox', `--config=${kioskModeConfig()}`],
  })
  await expect(page).toHaveURL('app://kiosk/out-of-order.html?reason=sandbox_off')
  await expect(page.locator('h2[lang="en-CA"]')).toHaveText('For IT')
  await expect(page.locator('main')).toContainText('sandbox is off')
  // The out-of-order window has the quit policy of every kiosk window (shell/kiosk-window.ts).
  if (process.platform === 'win32') {
    test.info().annotations.push({ type: 'partly', description: 'Windows has no SIGTERM' })
    return app.close()
  }
  const exited = once(app.process(), 'exit')
  app.process().kill('SIGTERM')
  expect(await exited).toEqual([0, null])
})

test("a navigation the page starts is refused, and main's events still reach the page", async () => {
  const service = await startReferenceService({ scryptCost: 1024 })
  try {
    const { app, page } = await launchKiosk(target(), {
      env: { MESCERTIF_DEMO_SERVICE_URL: service.url(), MESCERTIF_DEMO_DEVICE_TOKEN: DEVICE_TOKEN },
    })
    await expect(page.getByTestId('choice-create')).toBeVisible()
    // Electron emits did-start-navigation before the hardening refuses will-navigate.
    await page.evaluate(() => void (window.location.href = 'https://example.org/'))
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents
      const modifiers: ('control' | 'alt' | 'shift')[] = ['control', 'alt', 'shift']
      contents.sendInputEvent({ type: 'keyDown', keyCode: 'S', modifiers })
      contents.sendInputEvent({ type: 'keyUp', keyCode: 'S', modifiers })
    })
    await expect(page.getByRole('dialog')).toContainText('Accès du personnel')
    expect(page.url()).toBe('app://kiosk/index.html')
    await app.close()
  } finally {
    await service.stop()
  }
})

test('packaged counter mode: no DevTools, and a menu that neither reloads, zooms nor opens DevTools', async () => {
  const { app, page } = await launchKiosk(target(), { args: [`--config=${configFile('counter')}`] })
  await expect(page.locator('h1')).toBeVisible()
  const found = await app.evaluate(({ app: electronApp, BrowserWindow, Menu }) => {
    type Item = { role?: string; submenu?: { items: Item[] } | null }
    const roles = (items: Item[]): string[] =>
      items.flatMap((item) => [
        ...(item.role ? [item.role.toLowerCase()] : []),
        ...roles(item.submenu?.items ?? []),
      ])
    // With `devTools: false` in its preferences openDevTools returns at once, opening nothing
    // (shell/browser/api/electron_api_web_contents.cc, OpenDevTools).
    BrowserWindow.getAllWindows()[0]!.webContents.openDevTools()
    return {
      packaged: electronApp.isPackaged,
      roles: roles((Menu.getApplicationMenu()?.items ?? []) as Item[]),
    }
  })
  const escapes = ['reload', 'forcereload', 'toggledevtools', 'zoomin', 'zoomout', 'resetzoom']
  expect(found.roles.filter((role) => escapes.includes(role))).toEqual([])
  const devToolsOpened = () =>
    app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().some((window) => window.webContents.isDevToolsOpened()),
    )
  if (found.packaged) expect(await devToolsOpened()).toBe(false)
  else await expect.poll(devToolsOpened).toBe(true)
  await app.close()
})

test("a relaunch after a mail link passes Electron's URL guard (Windows)", async () => {
  test.skip(process.platform !== 'win32', 'Electron checks URL arguments on Windows only')
  const { executablePath, args } = requireTarget(target())
  const userData = mkdtempSync(join(tmpdir(), 'kiosk-user-data-'))
  const coldStart = [...args, `--user-data-dir=${userData}`, 'mescertif://invite/x']
  // What the old relaunch did: the counter after the link. Electron refuses to start at all.
  const refused = spawn(executablePath, [...coldStart, '--relaunch-count=1'], { stdio: 'ignore' })
  const [code] = await once(refused, 'exit')
  expect(code).not.toBe(0)
  // What it does now starts the kiosk.
  const app = await electron.launch({
    executablePath,
    args: [...relaunchArguments([executablePath, ...coldStart]), '--relaunch-count=1'],
    env: { ...process.env, MESCERTIF_KIOSK_CONFIG: '' } as Record<string, string>,
  })
  await expect((await app.firstWindow()).locator('h1')).toBeVisible()
  await app.close()
})
