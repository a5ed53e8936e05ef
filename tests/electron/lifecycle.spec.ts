import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { DEVICE_TOKEN, startReferenceService } from '../e2e/harness/reference-service'
import { kioskModeConfig, launchKiosk, requireTarget, type Target } from './launch'

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

test("keytar reads and writes the OS keychain from Electron's main process", async () => {
  const { app } = await launchKiosk(target())
  const roundTrip = await app.evaluate(async () => {
    const { createRequire } = process.getBuiltinModule('node:module')
    const keytar = createRequire(process.execPath)('keytar') as typeof import('keytar')
    const account = `electron-test-${process.pid}`
    await keytar.setPassword('mescertif-kiosk-test', account, 'secret-value')
    const read = await keytar.getPassword('mescertif-kiosk-test', account)
    await keytar.deletePassword('mescertif-kiosk-test', account)
    return read
  })
  expect(roundTrip).toBe('secret-value')
  await app.close()
})

test('in kiosk mode the escaping shortcuts are refused', async () => {
  const { app, page } = await launchKiosk(target(), { args: [`--config=${kioskModeConfig()}`] })
  await expect(page.locator('h1')).toBeVisible()
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
  const press = (keyCode: string, modifiers: string[] = []) =>
    app.evaluate(
      ({ BrowserWindow }, key) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents
        contents.sendInputEvent({
          type: 'keyDown',
          keyCode: key.keyCode,
          modifiers: key.modifiers as never,
        })
        contents.sendInputEvent({
          type: 'keyUp',
          keyCode: key.keyCode,
          modifiers: key.modifiers as never,
        })
      },
      { keyCode, modifiers },
    )
  await press('R', ['control'])
  await press('F5')
  await press('W', ['control'])
  await press('Q', ['control'])
  await press('F4', ['alt'])
  // Still the same page (no reload) in the same, still open window.
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42)
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
