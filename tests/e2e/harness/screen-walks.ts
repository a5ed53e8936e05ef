import type { Page } from '@playwright/test'
import { expect, type testWithKiosk } from './fixtures'
import { createActiveAccount, enterCode, GOOD_PASSWORD, signIn } from './flows'
import { HARNESS_STAFF_PIN } from './kiosk-harness'

/** A check run on each screen and dialog the walk reaches: axe, a display mode, ... */
export type ScreenCheck = (page: Page, screen: string, locale: string) => Promise<void>

async function inLocale(page: Page, locale: string) {
  if (locale === 'en-CA') await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

const wrongCode = (good: string) => (good === '000000' ? '111111' : '000000')

/**
 * Every screen and dialog of the kiosk, in both languages, with `check` run on each. One short
 * test per part of the kiosk, each starting from its own fresh kiosk, so a slow machine slows
 * each a little rather than one walk past its time limit.
 */
export function walkEveryScreen(
  test: ReturnType<typeof testWithKiosk>,
  title: string,
  check: ScreenCheck,
) {
  for (const locale of ['fr-CA', 'en-CA'] as const) {
    test.describe(`${title} — ${locale}`, () => {
      test('Welcome, Questions, staff PIN pad and staff panel', async ({ page, kiosk }) => {
        await inLocale(page, locale)
        await check(page, 'welcome', locale)
        await page.getByTestId('choice-questions').click()
        await expect(page.getByTestId('contact')).toBeVisible()
        await check(page, 'questions', locale)
        kiosk.emit({ type: 'staffRequested' })
        await expect(page.getByTestId('pin-unlock')).toBeVisible()
        await check(page, 'staff PIN pad', locale)
        for (const digit of HARNESS_STAFF_PIN) await page.getByTestId(`pin-${digit}`).click()
        await page.getByTestId('pin-unlock').click()
        await expect(page.getByTestId('staff-status')).toBeVisible()
        await check(page, 'staff panel', locale)
      })

      test('identity step, its errors and the address confirmation', async ({
        page,
        kiosk,
        invited,
      }) => {
        await inLocale(page, locale)
        await page.getByTestId('choice-create').click()
        await check(page, 'identity', locale)
        await page.getByTestId('identity-next').click()
        await expect(page.locator('#identity-firstName-error')).toBeVisible()
        await check(page, 'identity with errors', locale)
        await page.locator('#identity-firstName').fill(invited.firstName)
        await page.locator('#identity-lastName').fill(invited.lastName)
        await page.locator('#identity-email').fill(invited.email)
        await page.getByTestId('identity-next').click()
        await expect(page.getByTestId('confirm-emphasis')).toBeVisible()
        await check(page, 'confirm address dialog', locale)
      })

      test('password step, its errors and the terms', async ({ page, onPasswordStep }) => {
        await inLocale(page, locale)
        await check(page, 'password', locale)
        await page.getByTestId('password-submit').click()
        await expect(page.locator('#register-password-error')).toBeVisible()
        await check(page, 'password with errors', locale)
        await page.getByTestId('read-terms').click()
        await expect(page.getByRole('dialog')).toBeVisible()
        await check(page, 'terms dialog', locale)
      })

      test('code step, a wrong code and the demo mailbox', async ({
        page,
        service,
        onCodeStep: person,
      }) => {
        await inLocale(page, locale)
        await check(page, 'code', locale)
        await enterCode(
          page,
          'register-code',
          wrongCode(service.lastCode(person.email)),
          'code-submit',
        )
        await expect(page.locator('#register-code-error')).toBeVisible()
        await check(page, 'code with error', locale)
        await page.getByTestId('demo-mailbox-toggle').click()
        await expect(page.getByTestId('demo-mailbox')).toBeVisible()
        await check(page, 'demo mailbox', locale)
      })

      test('done, sign in and signed in', async ({ page, service, onCodeStep: person }) => {
        await inLocale(page, locale)
        await enterCode(page, 'register-code', service.lastCode(person.email), 'code-submit')
        await expect(page.locator('#done-title')).toBeFocused()
        await check(page, 'done', locale)
        await page.getByTestId('done-sign-in').click()
        await check(page, 'sign in', locale)
        await signIn(page, person.email, GOOD_PASSWORD)
        await expect(page.locator('#signed-in-title')).toBeFocused()
        await check(page, 'signed in', locale)
      })

      test('recovery: email, code, new password, done', async ({
        page,
        kiosk,
        service,
        invited,
      }) => {
        await createActiveAccount(page, service, invited)
        await inLocale(page, locale)
        await page.getByTestId('choice-recovery').click()
        await check(page, 'recovery email', locale)
        await page.locator('#recovery-email').fill(invited.email)
        await page.getByTestId('recovery-submit').click()
        await expect(page.getByTestId('recovery-sent')).toBeVisible()
        await check(page, 'recovery code', locale)
        await enterCode(
          page,
          'recovery-code',
          service.lastCode(invited.email),
          'recovery-code-submit',
        )
        await expect(page.locator('#recovery-password')).toBeVisible()
        await check(page, 'new password', locale)
        await page.locator('#recovery-password').fill('Saint-Laurent~1534!')
        await page.locator('#recovery-confirm').fill('Saint-Laurent~1534!')
        await page.getByTestId('new-password-submit').click()
        await expect(page.locator('#recovery-done-title')).toBeVisible()
        await check(page, 'recovery done', locale)
      })

      test('link entry, its error and a link the service does not know', async ({
        page,
        kiosk,
      }) => {
        await inLocale(page, locale)
        await page.getByTestId('choice-link').click()
        await page.getByTestId('link-submit').click()
        await expect(page.locator('#link-raw-error')).toBeVisible()
        await check(page, 'link entry with error', locale)
        const required = await page.locator('#link-raw-error').innerText()
        await page.locator('#link-raw').fill(`mescertif://activate/${'A'.repeat(43)}`)
        await page.getByTestId('link-submit').click()
        await expect(page.locator('#link-raw-error')).not.toHaveText(required)
        await check(page, 'link invalid', locale)
      })
    })
  }
}
