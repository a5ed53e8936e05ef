import { chromium } from '@playwright/test'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumLaunchOptions } from '../tests/e2e/harness/chromium'
import globalSetup from '../tests/e2e/harness/global-setup'
import { startKiosk } from '../tests/e2e/harness/kiosk-harness'
import { startReferenceService } from '../tests/e2e/harness/reference-service'

/**
 * Chromium (with `gc()` exposed, for the heap measures), the reference service in this process
 * (low scrypt cost: hashing is measured on its own) and the kiosk harness on a first page.
 */
export async function openBenchKiosk() {
  globalSetup()
  const service = await startReferenceService({ scryptCost: 2 ** 14 })
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, '--js-flags=--expose-gc'],
  })
  const page = await browser.newPage()
  const kiosk = await startKiosk(page, service, { logFile: join(tmpdir(), 'bench-kiosk.log') })
  return {
    browser,
    service,
    page,
    kiosk,
    async close() {
      await browser.close()
      await service.stop()
    },
  }
}

export type BenchKiosk = Awaited<ReturnType<typeof openBenchKiosk>>
