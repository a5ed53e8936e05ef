import { chromium } from '@playwright/test'
import { demoConfig } from '@main/config/demo'
import type { EventLog } from '@main/event-log'
import { hashStaffPin } from '@main/staff/pin'
import { openKioskPage } from '../harness/kiosk-page'
import { markAsPreview, previewMarker } from './preview-marker'

export interface PreviewOptions {
  /** The demo service, as `npm start` gives it to Electron. */
  serviceUrl: string
  deviceToken: string
  staffPin: string
  executablePath: string
  /** False for a real window; true for the test that checks the preview starts. */
  headless: boolean
  log: EventLog
}

/**
 * The demo kiosk in a Chromium window instead of Electron: the same renderer, CSP, preload factory,
 * IPC router, handlers and demo service, marked as a preview. For translators, designers and
 * reviewers walking the screens, never a way to deploy: no kiosk window, no keychain, no OS mail
 * links, no staff shortcuts outside the page.
 */
export async function openPreview(options: PreviewOptions) {
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    headless: options.headless,
    args: [
      '--window-size=1280,900',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
  // No fixed viewport: the screens follow the window as the kiosk's follow its display.
  const context = await browser.newContext({ viewport: null })
  const page = await context.newPage()
  await page.addInitScript(markAsPreview, previewMarker)
  const { core } = await openKioskPage(page, {
    config: demoConfig(options.serviceUrl),
    configSource: 'demo',
    demo: true,
    version: 'preview',
    deviceToken: options.deviceToken,
    log: options.log,
    demoStaffPinHash: await hashStaffPin(options.staffPin),
    // Staff's "Quit" closes the preview, as it closes the kiosk.
    quit: () => void browser.close(),
  })
  return {
    page,
    core,
    /** Resolves when the window is closed (by the person, or by staff's Quit). */
    closed: new Promise<void>((resolve) => {
      page.once('close', () => resolve())
      browser.once('disconnected', () => resolve())
    }),
    close: () => browser.close(),
  }
}
