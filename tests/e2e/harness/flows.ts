import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { ReferenceService } from './reference-service'

export const GOOD_PASSWORD = 'Rivière-Bleue#2026!'

export interface Person {
  firstName: string
  lastName: string
  email: string
  password?: string
}

/** Identity step: fills the fields, presses Next, and confirms the address in the dialog. */
export async function fillIdentity(page: Page, person: Person) {
  await page.locator('#identity-firstName').fill(person.firstName)
  await page.locator('#identity-lastName').fill(person.lastName)
  if (await page.locator('#identity-email').isEditable())
    await page.locator('#identity-email').fill(person.email)
  await page.getByTestId('identity-next').click()
  await expect(page.getByTestId('confirm-emphasis')).toHaveText(person.email)
  await page.getByTestId('confirm-yes').click()
}

export async function fillPassword(page: Page, password: string, confirm = password) {
  await page.locator('#register-password').fill(password)
  await page.locator('#register-confirm').fill(confirm)
}

export async function acceptConsents(page: Page) {
  await page.locator('#accept-terms').check()
  await page.locator('#accept-privacy').check()
}

/** From Welcome to the code step. */
export async function registerUntilCode(page: Page, person: Person) {
  await page.getByTestId('choice-create').click()
  await fillIdentity(page, person)
  await fillPassword(page, person.password ?? GOOD_PASSWORD)
  await acceptConsents(page)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#register-code')).toBeVisible()
}

export async function enterCode(page: Page, fieldId: string, code: string, submitTestId: string) {
  await page.locator(`#${fieldId}`).fill(code)
  await page.getByTestId(submitTestId).click()
}

/** A whole registration, ending on the Done screen. */
export async function registerFully(page: Page, service: ReferenceService, person: Person) {
  await registerUntilCode(page, person)
  await enterCode(page, 'register-code', service.lastCode(person.email), 'code-submit')
  await expect(page.getByTestId('done-sign-in')).toBeVisible()
}

export async function signIn(page: Page, email: string, password: string) {
  await page.locator('#sign-in-email').fill(email)
  await page.locator('#sign-in-password').fill(password)
  await page.getByTestId('sign-in-submit').click()
}

/**
 * An active account for `person`, made through the kiosk's bridge without walking the screens, for
 * tests about what comes after registration. The service's resend cooldown is then moved past, so
 * the next mail to the address can go at once.
 */
export async function createActiveAccount(page: Page, service: ReferenceService, person: Person) {
  const submitted = await page.evaluate(
    (p) =>
      window.kiosk.registration.submit({
        ...p,
        locale: 'fr-CA',
        acceptTerms: true,
        acceptPrivacy: true,
      }),
    { ...person, password: person.password ?? GOOD_PASSWORD },
  )
  expect(submitted.ok, 'registration through the bridge').toBe(true)
  const code = service.lastCode(person.email)
  const verified = await page.evaluate((c) => window.kiosk.registration.verify({ code: c }), code)
  expect(verified.ok, 'verification through the bridge').toBe(true)
  service.clock.offsetMs += 61_000
}

/**
 * A keyboard-wedge scanner reading `text`: its keystrokes and Enter in one burst. They are
 * dispatched in the page in one go, so the burst keeps a scanner's pace however busy the test
 * machine is; the pace rule itself is unit-tested (tests/unit/renderer/composables).
 */
export async function scanBurst(page: Page, text: string) {
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body
    for (const key of [...keys, 'Enter'])
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  }, text)
}

/**
 * Home from the header: straight to Welcome when nothing was entered, else after saying yes to
 * erasing it.
 */
export async function goHome(page: Page) {
  await page.getByTestId('home').click()
  const yes = page.getByTestId('confirm-yes')
  await expect(page.locator('#welcome-title').or(yes)).toBeVisible()
  if (await yes.isVisible()) await yes.click()
  await expect(page.locator('#welcome-title')).toBeVisible()
}
