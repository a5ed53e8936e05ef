/**
 * The preview of the kiosk in Chromium, started by `npm start` where the Electron binary is
 * missing (README.md, "The preview"). It reads the demo service's address from the environment
 * exactly as Electron's main does, and ends when its window closes or on SIGINT/SIGTERM.
 * PREVIEW_HEADLESS_VAR=1 runs it without a window (its own test).
 */
import { createEventLog } from '@main/event-log'
import {
  DEMO_DEVICE_TOKEN_VAR,
  DEMO_SERVICE_URL_VAR,
  DEMO_STAFF_PIN,
  DEMO_STAFF_PIN_VAR,
} from '@main/startup'
import { findChromium } from './find-chromium'
import { openPreview } from './open-preview'
import { PREVIEW_HEADLESS_VAR, PREVIEW_READY } from './preview-process'

async function main() {
  const serviceUrl = process.env[DEMO_SERVICE_URL_VAR]
  if (!serviceUrl) throw new Error(`${DEMO_SERVICE_URL_VAR} is not set (start it with npm start)`)
  const executablePath = findChromium()
  if (!executablePath)
    throw new Error('no Chromium or Chrome found (install chromium, or set CHROME_PATH)')
  const preview = await openPreview({
    serviceUrl,
    deviceToken: process.env[DEMO_DEVICE_TOKEN_VAR] ?? 'demo-device-token',
    staffPin: process.env[DEMO_STAFF_PIN_VAR] ?? DEMO_STAFF_PIN,
    executablePath,
    headless: process.env[PREVIEW_HEADLESS_VAR] === '1',
    // Event names and codes only (the kiosk's log never holds personal data), warnings and up.
    log: createEventLog({
      write: (level, line) => {
        if (level !== 'info') console.error(`kiosk ${level}: ${line}`)
      },
    }),
  })
  console.log(`${PREVIEW_READY} in ${executablePath}; close its window or press Ctrl+C to stop.`)
  const stop = () => void preview.close()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  await preview.closed
  await preview.close()
}

main().catch((error: unknown) => {
  console.error(`preview failed: ${(error as Error).message}`)
  process.exit(1)
})
