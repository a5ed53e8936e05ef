import { expect, test } from '@playwright/test'
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
