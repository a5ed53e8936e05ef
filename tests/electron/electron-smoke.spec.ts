import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchKiosk, type Target } from './launch'

const target = () => test.info().project.metadata.target as Target

test('Electron starts the kiosk on app://kiosk, without a service: the set-up screen', async () => {
  const { app, page } = await launchKiosk(target())
  await expect(page.locator('h1')).toBeVisible()
  expect(
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.getURL(),
    ),
  ).toBe('app://kiosk/index.html')
  await app.close()
})

test('the preload asks main what the first screen needs as it runs, and main answers it', async () => {
  const { app, page } = await launchKiosk(target())
  const stderr: string[] = []
  app.process().stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
  await expect(page.locator('h1')).toBeVisible()
  // The page's first call took the preload's early answer; a later one asks main again.
  const info = await page.evaluate(() =>
    (
      window as unknown as { kiosk: { app: { info(): Promise<{ ok: boolean }> } } }
    ).kiosk.app.info(),
  )
  expect(info.ok).toBe(true)
  // Asked from the committed app://kiosk/index.html, after the IPC bridge was set up: main
  // neither refused the sender nor found no handler (electron/main/index.ts).
  const log = join(
    await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs')),
    'main.log',
  )
  await app.close()
  expect(readFileSync(log, 'utf8')).not.toContain('ipc.rejected_sender')
  expect(stderr.join('')).not.toContain('No handler registered')
})
