import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { DEVICE_TOKEN, startReferenceService } from '../e2e/harness/reference-service'
import { RESTART_EXIT_CODE, SUPERVISED_ARG } from '@main/shell/supervision'
import { kioskModeConfig, launchKiosk, requireTarget, ROOT, type Target } from './launch'

const target = () => test.info().project.metadata.target as Target

test('a mescertif:// link given to a second instance reaches the running kiosk', async () => {
  const service = await startReferenceService({ scryptCost: 1024 })
  try {
    const email = `second-instance-${Date.now()}@demo.example.ca`
    await service.invite(email)
    const env = {
      MESCERTIF_DEMO_SERVICE_URL: service.url(),
      MESCERTIF_DEMO_DEVICE_TOKEN: DEVICE_TOKEN,
    }
    const { app, page, userData } = await launchKiosk(target(), { env })
    await expect(page.getByTestId('choice-create')).toBeVisible()
    const { executablePath, args } = requireTarget(target())
    const second = spawn(
      executablePath,
      [...args, `--user-data-dir=${userData}`, service.lastLink(email, 'invite')],
      { env: { ...process.env, ...env, MESCERTIF_KIOSK_CONFIG: '' }, stdio: 'ignore' },
    )
    // The second instance hands its argv over and quits at once.
    const [code] = await once(second, 'exit')
    expect(code).toBe(0)
    await expect(page.locator('#identity-email')).toHaveValue(email)
    await expect(page.locator('#identity-email')).toBeDisabled()
    await app.close()
  } finally {
    await service.stop()
  }
})

test("keytar, as the app itself loads it, reads and writes the OS keychain from Electron's main process", async () => {
  const { app } = await launchKiosk(target())
  const result = await app.evaluate(async ({ app: electronApp }) => {
    const { createRequire } = process.getBuiltinModule('node:module')
    const { join } = process.getBuiltinModule('node:path')
    // Resolved from the built main process, as electron/main/secrets/keytar-store.ts does: inside
    // the packaged app that is app.asar, whose native part Electron reads from app.asar.unpacked.
    // (Resolving from process.execPath would walk up to the repository's node_modules.)
    const appRequire = createRequire(join(electronApp.getAppPath(), 'out', 'main', 'index.js'))
    const keytar = appRequire('keytar') as typeof import('keytar')
    const account = `electron-test-${process.pid}`
    await keytar.setPassword('mescertif-kiosk-test', account, 'secret-value')
    const read = await keytar.getPassword('mescertif-kiosk-test', account)
    await keytar.deletePassword('mescertif-kiosk-test', account)
    return {
      read,
      appPath: electronApp.getAppPath(),
      resolved: appRequire.resolve('keytar'),
      native: Object.keys(appRequire.cache).filter((file) => file.endsWith('.node')),
    }
  })
  expect(result.read).toBe('secret-value')
  expect(result.resolved.startsWith(result.appPath)).toBe(true)
  const binding = result.native.find((file) => /keytar/.test(file))
  expect(binding).toBeDefined()
  if (target() === 'packaged') expect(binding).toMatch(/app\.asar\.unpacked/)
  else expect(binding!.startsWith(ROOT)).toBe(true)
  await app.close()
})

test('in kiosk mode the handler refuses the escaping shortcuts that reach it, and lets typing through', async () => {
  // What Electron's own input path decides: our before-input-event listener runs first, and a
  // listener added after it sees whether it prevented the key (the event's defaultPrevented).
  // Kiosk mode has no menu, so nothing else would act on these keys here anyway; and
  // sendInputEvent never reaches the OS (Alt+Tab, Ctrl+Alt+Del: docs/deployment.md, lock-down).
  const { app, page } = await launchKiosk(target(), { args: [`--config=${kioskModeConfig()}`] })
  await expect(page.locator('h1')).toBeVisible()
  await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents
    const seen: string[] = []
    Object.assign(globalThis, { shortcutDecisions: seen })
    contents.on('before-input-event', (event, input) => {
      if (input.type === 'keyDown') seen.push(`${input.code} ${event.defaultPrevented}`)
    })
    const presses: [string, ('control' | 'alt')[]][] = [
      ['R', ['control']],
      ['F5', []],
      ['W', ['control']],
      ['Q', ['control']],
      ['F4', ['alt']],
      ['A', []],
    ]
    for (const [keyCode, modifiers] of presses) {
      contents.sendInputEvent({ type: 'keyDown', keyCode, modifiers })
      contents.sendInputEvent({ type: 'keyUp', keyCode, modifiers })
    }
  })
  await expect
    .poll(() =>
      app.evaluate(() => (globalThis as { shortcutDecisions?: string[] }).shortcutDecisions),
    )
    .toEqual(['KeyR true', 'F5 true', 'KeyW true', 'KeyQ true', 'F4 true', 'KeyA false'])
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  await app.close()
})

test('SIGTERM quits the kiosk cleanly, even in kiosk mode', async () => {
  test.skip(process.platform === 'win32', 'Windows has no SIGTERM (shutdown is session-end)')
  const { app, page } = await launchKiosk(target(), { args: [`--config=${kioskModeConfig()}`] })
  await expect(page.locator('h1')).toBeVisible()
  const exited = once(app.process(), 'exit')
  app.process().kill('SIGTERM')
  const [code, signal] = await exited
  expect({ code, signal }).toEqual({ code: 0, signal: null })
})

test("Ctrl+Alt+Shift+S, typed through Electron's input path, opens staff mode", async () => {
  const service = await startReferenceService({ scryptCost: 1024 })
  try {
    const { app, page } = await launchKiosk(target(), {
      env: { MESCERTIF_DEMO_SERVICE_URL: service.url(), MESCERTIF_DEMO_DEVICE_TOKEN: DEVICE_TOKEN },
    })
    await expect(page.getByTestId('choice-create')).toBeVisible()
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents
      const modifiers: ('control' | 'alt' | 'shift')[] = ['control', 'alt', 'shift']
      contents.sendInputEvent({ type: 'keyDown', keyCode: 'S', modifiers })
      contents.sendInputEvent({ type: 'keyUp', keyCode: 'S', modifiers })
    })
    await expect(page.getByRole('dialog')).toContainText('Accès du personnel')
    await app.close()
  } finally {
    await service.stop()
  }
})

test('a supervised kiosk (Shell Launcher) takes the place of one the Run entry started: that one steps aside, the newcomer asks to be started again', async () => {
  const { app, page, userData } = await launchKiosk(target())
  await expect(page.locator('h1')).toBeVisible()
  const stepped = once(app.process(), 'exit')
  const { executablePath, args } = requireTarget(target())
  const supervised = spawn(
    executablePath,
    [...args, `--user-data-dir=${userData}`, SUPERVISED_ARG],
    { env: { ...process.env, MESCERTIF_KIOSK_CONFIG: '' }, stdio: 'ignore' },
  )
  // The running one answers, then leaves with 0; the newcomer waits, then exits for Shell Launcher.
  const [[stepCode], [newcomerCode]] = await Promise.all([stepped, once(supervised, 'exit')])
  expect({ stepCode, newcomerCode }).toEqual({ stepCode: 0, newcomerCode: RESTART_EXIT_CODE })
})
