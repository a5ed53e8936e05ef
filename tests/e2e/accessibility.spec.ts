import type { Page } from '@playwright/test'
import { checkScreen, expectTouchTargets } from './harness/accessibility'
import { expect, test } from './harness/fixtures'
import { createActiveAccount, enterCode, GOOD_PASSWORD, signIn } from './harness/flows'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'

/**
 * axe (WCAG 2.2 A/AA) and 44 px targets on every screen and dialog, in both languages. One short
 * test per part of the kiosk, each starting from its own fresh kiosk, so a slow machine slows
 * each a little rather than one walk past its time limit.
 */
async function inLocale(page: Page, locale: string) {
  if (locale === 'en-CA') await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

const wrongCode = (good: string) => (good === '000000' ? '111111' : '000000')

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test.describe(`axe and 44 px targets — ${locale}`, () => {
    test('Welcome, Questions, staff PIN pad and staff panel', async ({ page, kiosk }) => {
      await inLocale(page, locale)
      await checkScreen(page, 'welcome', locale)
      await page.getByTestId('choice-questions').click()
      await expect(page.getByTestId('contact')).toBeVisible()
      await checkScreen(page, 'questions', locale)
      kiosk.emit({ type: 'staffRequested' })
      await expect(page.getByTestId('pin-unlock')).toBeVisible()
      await checkScreen(page, 'staff PIN pad', locale)
      for (const digit of HARNESS_STAFF_PIN) await page.getByTestId(`pin-${digit}`).click()
      await page.getByTestId('pin-unlock').click()
      await expect(page.getByTestId('staff-status')).toBeVisible()
      await checkScreen(page, 'staff panel', locale)
    })

    test('identity step, its errors and the address confirmation', async ({
      page,
      kiosk,
      invited,
    }) => {
      await inLocale(page, locale)
      await page.getByTestId('choice-create').click()
      await checkScreen(page, 'identity', locale)
      await page.getByTestId('identity-next').click()
      await expect(page.locator('#identity-firstName-error')).toBeVisible()
      await checkScreen(page, 'identity with errors', locale)
      await page.locator('#identity-firstName').fill(invited.firstName)
      await page.locator('#identity-lastName').fill(invited.lastName)
      await page.locator('#identity-email').fill(invited.email)
      await page.getByTestId('identity-next').click()
      await expect(page.getByTestId('confirm-emphasis')).toBeVisible()
      await checkScreen(page, 'confirm address dialog', locale)
    })

    test('password step, its errors and the terms', async ({ page, onPasswordStep }) => {
      await inLocale(page, locale)
      await checkScreen(page, 'password', locale)
      await page.getByTestId('password-submit').click()
      await expect(page.locator('#register-password-error')).toBeVisible()
      await checkScreen(page, 'password with errors', locale)
      await page.getByTestId('read-terms').click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await checkScreen(page, 'terms dialog', locale)
    })

    test('code step, a wrong code and the demo mailbox', async ({
      page,
      service,
      onCodeStep: person,
    }) => {
      await inLocale(page, locale)
      await checkScreen(page, 'code', locale)
      await enterCode(
        page,
        'register-code',
        wrongCode(service.lastCode(person.email)),
        'code-submit',
      )
      await expect(page.locator('#register-code-error')).toBeVisible()
      await checkScreen(page, 'code with error', locale)
      await page.getByTestId('demo-mailbox-toggle').click()
      await expect(page.getByTestId('demo-mailbox')).toBeVisible()
      await checkScreen(page, 'demo mailbox', locale)
    })

    test('done, sign in and signed in', async ({ page, service, onCodeStep: person }) => {
      await inLocale(page, locale)
      await enterCode(page, 'register-code', service.lastCode(person.email), 'code-submit')
      await expect(page.locator('#done-title')).toBeFocused()
      await checkScreen(page, 'done', locale)
      await page.getByTestId('done-sign-in').click()
      await checkScreen(page, 'sign in', locale)
      await signIn(page, person.email, GOOD_PASSWORD)
      await expect(page.locator('#signed-in-title')).toBeFocused()
      await checkScreen(page, 'signed in', locale)
    })

    test('recovery: email, code, new password, done', async ({ page, kiosk, service, invited }) => {
      await createActiveAccount(page, service, invited)
      await inLocale(page, locale)
      await page.getByTestId('choice-recovery').click()
      await checkScreen(page, 'recovery email', locale)
      await page.locator('#recovery-email').fill(invited.email)
      await page.getByTestId('recovery-submit').click()
      await expect(page.getByTestId('recovery-sent')).toBeVisible()
      await checkScreen(page, 'recovery code', locale)
      await enterCode(
        page,
        'recovery-code',
        service.lastCode(invited.email),
        'recovery-code-submit',
      )
      await expect(page.locator('#recovery-password')).toBeVisible()
      await checkScreen(page, 'new password', locale)
      await page.locator('#recovery-password').fill('Saint-Laurent~1534!')
      await page.locator('#recovery-confirm').fill('Saint-Laurent~1534!')
      await page.getByTestId('new-password-submit').click()
      await expect(page.locator('#recovery-done-title')).toBeVisible()
      await checkScreen(page, 'recovery done', locale)
    })

    test('link entry, its error and a link the service does not know', async ({ page, kiosk }) => {
      await inLocale(page, locale)
      await page.getByTestId('choice-link').click()
      await page.getByTestId('link-submit').click()
      await expect(page.locator('#link-raw-error')).toBeVisible()
      await checkScreen(page, 'link entry with error', locale)
      const required = await page.locator('#link-raw-error').innerText()
      await page.locator('#link-raw').fill(`mescertif://activate/${'A'.repeat(43)}`)
      await page.getByTestId('link-submit').click()
      await expect(page.locator('#link-raw-error')).not.toHaveText(required)
      await checkScreen(page, 'link invalid', locale)
    })
  })
}

test('the checks can fail: a missing alt and a small button are caught', async ({
  page,
  kiosk,
}) => {
  await page.evaluate(() => {
    const main = document.querySelector('main')!
    main.insertAdjacentHTML(
      'beforeend',
      '<img src="data:image/png;base64,iVBORw0KGgo=" /><button id="tiny">x</button>',
    )
  })
  await expect(checkScreen(page, 'broken on purpose', 'fr-CA')).rejects.toThrow(/image-alt/)
  await expect(expectTouchTargets(page, 'broken on purpose')).rejects.toThrow(/button#tiny \d+×\d+/)
})
