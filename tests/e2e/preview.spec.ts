import { test, expect } from '@playwright/test'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { createEventLog } from '@main/event-log'
import { DEMO_DEVICE_TOKEN_VAR, DEMO_SERVICE_URL_VAR } from '@main/startup'
import { findChromium } from '../../tools/preview/find-chromium'
import { openPreview } from '../../tools/preview/open-preview'
import { previewMarker } from '../../tools/preview/preview-marker'
import {
  PREVIEW_ENTRY,
  PREVIEW_HEADLESS_VAR,
  PREVIEW_READY,
  previewCannotShow,
} from '../../tools/preview/preview-process'
import { screenshotPath } from './harness/kiosk-harness'
import { DEVICE_TOKEN, startReferenceService } from './harness/reference-service'

const PIN = '13572468'

test('the preview opens Welcome marked as a preview, and its calls reach the service', async () => {
  const service = await startReferenceService({ scryptCost: 2 ** 12 })
  const executablePath = findChromium()
  if (!executablePath) throw new Error('no Chromium found: the e2e tests need /usr/bin/chromium')
  const preview = await openPreview({
    serviceUrl: service.url(),
    deviceToken: DEVICE_TOKEN,
    staffPin: PIN,
    executablePath,
    headless: true,
    log: createEventLog({ write: () => undefined }),
  })
  try {
    const { page } = preview
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue')
    await expect(page).toHaveTitle(`${previewMarker.titlePrefix}MesCertif`)
    const ribbon = page.locator(`#${previewMarker.ribbonId}`)
    await expect(ribbon).toHaveText(previewMarker.ribbonText)
    await expect(ribbon).toBeVisible()
    await page.screenshot({ path: screenshotPath('preview.welcome.fr-CA') })

    await page.getByTestId('language-switch').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome')
    await expect(ribbon).toBeVisible()
    await page.screenshot({ path: screenshotPath('preview.welcome.en-CA') })

    // The demo mailbox answers from the service: the whole path (bridge, router, client) works.
    await service.invite('apercu@demo.example.ca')
    const outbox = await page.evaluate(() =>
      window.kiosk.demo.outbox({ to: 'apercu@demo.example.ca' }),
    )
    expect(outbox).toMatchObject({ ok: true, data: [{ to: 'apercu@demo.example.ca' }] })
  } finally {
    await preview.close()
    await service.stop()
  }
})

test('npm start runs the preview process; switched headless, it says when Welcome shows and stops on SIGTERM', async () => {
  const service = await startReferenceService({ scryptCost: 2 ** 12 })
  const child = spawn(process.execPath, ['--import', 'tsx', PREVIEW_ENTRY], {
    env: {
      ...process.env,
      [PREVIEW_HEADLESS_VAR]: '1',
      [DEMO_SERVICE_URL_VAR]: service.url(),
      [DEMO_DEVICE_TOKEN_VAR]: DEVICE_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const lines = createInterface({ input: child.stdout })
    const [ready] = (await once(lines, 'line')) as [string]
    expect(ready).toContain(PREVIEW_READY)
    child.kill('SIGTERM')
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(0)
  } finally {
    child.kill('SIGKILL')
    await service.stop()
  }
})

test('without a display on Linux, the preview says so instead of failing', () => {
  expect(previewCannotShow({}, 'linux')).toMatch(/^No display here/)
  expect(previewCannotShow({ DISPLAY: ':0' }, 'linux')).toBeUndefined()
  expect(previewCannotShow({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined()
  expect(previewCannotShow({ [PREVIEW_HEADLESS_VAR]: '1' }, 'linux')).toBeUndefined()
  expect(previewCannotShow({}, 'darwin')).toBeUndefined()
})
