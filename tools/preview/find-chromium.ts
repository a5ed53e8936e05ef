import { chromium } from '@playwright/test'
import { Launcher } from 'chrome-launcher'
import { existsSync } from 'node:fs'

/**
 * A Chromium or Chrome to show the preview in: CHROME_PATH, then what chrome-launcher finds
 * installed (Debian's chromium, google-chrome, the usual macOS and Windows places), then
 * Playwright's own browser if one was ever downloaded. Undefined when there is none.
 */
export function findChromium(): string | undefined {
  const installed = Launcher.getInstallations()
  if (installed[0]) return installed[0]
  const playwrights = chromium.executablePath()
  return existsSync(playwrights) ? playwrights : undefined
}
