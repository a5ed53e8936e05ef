import { _electron as electron, expect, test } from '@playwright/test'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { ROOT } from './harness/paths'

/** The Electron binary, where `npm ci` could download it; absent on machines with no internet. */
function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as string
    return existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

const REASON = 'Electron binary not installed'

test('Electron itself starts the kiosk and shows Welcome (demo without a service: the config screen)', async () => {
  const binary = electronBinary()
  if (!binary) console.log(`skipped: ${REASON}`)
  test.skip(!binary, REASON)
  const app = await electron.launch({ executablePath: binary, args: [ROOT], env: { ...process.env, MESCERTIF_KIOSK_CONFIG: '' } })
  const window = await app.firstWindow()
  await expect(window.locator('h1')).toBeVisible()
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents
    return { url: contents.getURL(), sandboxed: contents.getLastWebPreferences()?.sandbox, isolated: contents.getLastWebPreferences()?.contextIsolation }
  })
  expect(prefs).toMatchObject({ url: 'app://kiosk/index.html', sandboxed: true, isolated: true })
  await app.close()
})
