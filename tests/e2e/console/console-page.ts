import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { expect, type Browser, type Page } from '@playwright/test'
import type { Locale } from '@shared/locale-codes'
import { expectNoAxeViolations } from '../harness/accessibility'
import { expectNoMessageKeys, messageKeys } from '../harness/message-keys'
import { ROOT, SCREENSHOTS } from '../harness/paths'
import type { ReferenceService } from '../harness/reference-service'

export const CONSOLE_PASSWORD = 'Console-Flotte#2026!'
export const locales: readonly Locale[] = ['fr-CA', 'en-CA']

export const sizes = {
  '1920x1080': { width: 1920, height: 1080 },
  '1366x768': { width: 1366, height: 768 },
} as const
export type Size = keyof typeof sizes

/**
 * The console in its own browser context (its own cookies, as on IT's own computer), in a
 * language, against the test's reference service.
 */
export async function openConsole(
  browser: Browser,
  service: ReferenceService,
  locale: Locale,
  size: Size = '1366x768',
): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: sizes[size] })
  const page = await context.newPage()
  await page.goto(service.consoleUrl())
  await expect(page).toHaveURL(/\/console\/sign-in$/)
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  return page
}

export async function signIn(page: Page, email: string, password = CONSOLE_PASSWORD) {
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(password)
  await page.getByTestId('sign-in').click()
  await expect(page.getByTestId('sign-out')).toBeVisible()
}

const CONSOLE_KEYS = messageKeys(
  JSON.parse(readFileSync(resolve(ROOT, 'console/locales/en-CA.json'), 'utf8')) as object,
)

/**
 * No message key in the page's text (a message missing, or a key turned into a group), then axe
 * (WCAG 2.2 A and AA) on the page as it is, then a full-page screenshot.
 */
export async function checkPage(page: Page, name: string, locale: Locale, size: Size = '1366x768') {
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  await expectNoMessageKeys(page, CONSOLE_KEYS, `console ${name} (${locale}, ${size})`)
  await expectNoAxeViolations(page, `console ${name} (${locale}, ${size})`)
  const path = resolve(SCREENSHOTS, 'console', size, locale, `${name}.png`)
  mkdirSync(dirname(path), { recursive: true })
  await page.screenshot({ path, fullPage: true })
}
