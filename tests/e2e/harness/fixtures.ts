import { test as base, expect, type Page } from '@playwright/test'
import { resolve } from 'node:path'
import type { KioskConfig } from '@main/config/schema'
import { acceptConsents, fillIdentity, fillPassword, GOOD_PASSWORD, type Person } from './flows'
import { RESULTS } from './paths'
import { startKiosk, screenshotPath, type HarnessKiosk } from './kiosk-harness'
import { startReferenceService, type ReferenceService } from './reference-service'

export { expect }

type Fixtures = {
  service: ReferenceService
  kiosk: HarnessKiosk
  logFile: string
  /** A person the institution invited, at an address no other test uses. */
  invited: Person
  /** The kiosk on the password step for `invited`, their details confirmed. */
  onPasswordStep: Person
  /** The kiosk on the code step for `invited`, their code in the outbox. */
  onCodeStep: Person
}

/**
 * These tests are about the kiosk's flows, not about the cost of a password hash (the service's
 * own tests check the production cost): a cheap hash keeps each registration and sign-in from
 * taking a second of CPU on a busy machine.
 */
const E2E_SCRYPT_COST = 2 ** 12

let counter = 0

/** The same fixtures with a kiosk started with its own config (and Playwright's clock if asked). */
export function testWithKiosk(options: {
  config?: Partial<KioskConfig>
  fakeClock?: boolean
  configProblems?: string[]
}) {
  return base.extend<Fixtures>({
    service: async ({}, use) => {
      const service = await startReferenceService({ scryptCost: E2E_SCRYPT_COST })
      await use(service)
      await service.stop()
    },
    logFile: async ({}, use, testInfo) => {
      await use(resolve(RESULTS, 'kiosk-logs', `${testInfo.workerIndex}-${testInfo.testId}.log`))
    },
    kiosk: async ({ page, service, logFile }, use) => {
      await use(await startKiosk(page, service, { logFile, ...options }))
    },
    invited: async ({ service }, use) => {
      const person = { firstName: 'Alex', lastName: 'Roy', email: uniqueEmail() }
      await service.invite(person.email)
      await use(person)
    },
    onPasswordStep: async ({ page, kiosk, invited }, use) => {
      await page.getByTestId('choice-create').click()
      await fillIdentity(page, invited)
      await expect(page.locator('#password-title')).toBeFocused()
      await use(invited)
    },
    onCodeStep: async ({ page, onPasswordStep: person }, use) => {
      await fillPassword(page, GOOD_PASSWORD)
      await acceptConsents(page)
      await page.getByTestId('password-submit').click()
      await expect(page.locator('#code-title')).toBeFocused()
      await use(person)
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
