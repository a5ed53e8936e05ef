import { expect, type Page } from '@playwright/test'
import type { Locale } from '@shared/locales'
import type { ReferenceService } from './reference-service'

/** A registrar's staff member, enrolled at the test's service. */
export const STAFF = {
  email: 'marie.cote@registraire.example.ca',
  name: 'Marie Côté',
  password: 'Guichet-Registraire#2026',
}

/** Welcome → Counter desk → staff sign-in → the desk, in the screen's language. */
export async function staffSignsIn(page: Page, service: ReferenceService, locale: Locale) {
  await service.enrolledStaff(STAFF.email, STAFF.name, STAFF.password)
  if (locale === 'en-CA') await page.getByTestId('language-switch').click()
  await page.getByTestId('counter-entry').click()
  await expect(page.locator('#counter-sign-in-title')).toBeFocused()
  await page.locator('#counter-email').fill(STAFF.email)
  await page.locator('#counter-password').fill(STAFF.password)
  await page.getByTestId('counter-sign-in-submit').click()
  await expect(page.getByTestId('counter-staff')).toContainText(STAFF.name)
}

/** One student's file, opened by their exact address. */
export async function lookUp(page: Page, email: string) {
  await page.locator('#counter-student-email').fill(email)
  await page.getByTestId('counter-lookup').click()
  await expect(page.getByTestId('student-record')).toContainText(email.toLowerCase())
}
