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
  const app = await electron.launch({
    executablePath: binary,
    args: [ROOT],
    env: { ...process.env, MESCERTIF_KIOSK_CONFIG: '' },
  })
  const kioskWindow = await app.firstWindow()
  await expect(kioskWindow.locator('h1')).toBeVisible()
  expect(
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.getURL(),
    ),
  ).toBe('app://kiosk/index.html')
  // Sandboxed and isolated: the page has the bridge and nothing of Node.
  const page = await kioskWindow.evaluate(() => ({
    kiosk: typeof window.kiosk,
    node: typeof (globalThis as { process?: unknown }).process,
    require: typeof (globalThis as { require?: unknown }).require,
  }))
  expect(page).toEqual({ kiosk: 'object', node: 'undefined', require: 'undefined' })
  await app.close()
})
