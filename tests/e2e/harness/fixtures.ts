import { test as base, expect, type Page } from '@playwright/test'
import { resolve } from 'node:path'
import type { KioskConfig } from '../../../electron/main/config/schema'
import { RESULTS } from './paths'
import { startKiosk, screenshotPath, type HarnessKiosk } from './kiosk-harness'
import { startReferenceService, type ReferenceService } from './reference-service'

export { expect }

type Fixtures = {
  service: ReferenceService
  kiosk: HarnessKiosk
  logFile: string
}

let counter = 0

/** The same fixtures with a kiosk started with its own config (and Playwright's clock if asked). */
export function testWithKiosk(options: {
  config?: Partial<KioskConfig>
  fakeClock?: boolean
  configProblems?: string[]
}) {
  return base.extend<Fixtures>({
    service: async ({}, use) => {
      const service = await startReferenceService()
      await use(service)
      await service.stop()
    },
    logFile: async ({}, use, testInfo) => {
      await use(resolve(RESULTS, 'kiosk-logs', `${testInfo.workerIndex}-${testInfo.testId}.log`))
    },
    kiosk: async ({ page, service, logFile }, use) => {
      await use(await startKiosk(page, service, { logFile, ...options }))
    },
  })
}

export const test = testWithKiosk({})

/** A fresh invited address per test, so tests never share an account. */
export function uniqueEmail(prefix = 'diplome'): string {
  counter += 1
  return `${prefix}.${process.pid}.${Date.now().toString(36)}${counter}@etudiant.example.ca`
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
}
