import type { Page } from '@playwright/test'
import { expect, test, uniqueEmail } from './harness/fixtures'
import { GOOD_PASSWORD } from './harness/flows'

/** Presses Tab until the element matching `selector` has focus (no mouse, ever). */
async function tabTo(page: Page, selector: string, maxTabs = 40) {
  for (let i = 0; i < maxTabs; i++) {
    if (
      await page
        .locator(selector)
        .evaluate((element) => element === document.activeElement)
        .catch(() => false)
    )
      return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector)
  await page.keyboard.type(text)
}

test('a whole registration and a recovery, by keyboard alone', async ({ page, kiosk, service }) => {
  const email = uniqueEmail('keys')
  await service.invite(email)
  await tabTo(page, '[data-testid="choice-create"]')
  await page.keyboard.press('Enter')
  await expect(page.locator('#identity-title')).toBeFocused()
  await typeInto(page, '#identity-firstName', 'Mathis')
  await typeInto(page, '#identity-lastName', 'Bergeron')
  await typeInto(page, '#identity-email', email)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  await tabTo(page, '[data-testid="confirm-yes"]')
  await page.keyboard.press('Enter')

  await expect(page.locator('#password-title')).toBeFocused()
  await typeInto(page, '#register-password', GOOD_PASSWORD)
  await typeInto(page, '#register-confirm', GOOD_PASSWORD)
  await tabTo(page, '#accept-terms')
  await page.keyboard.press('Space')
  await tabTo(page, '#accept-privacy')
  await page.keyboard.press('Space')
  await tabTo(page, '[data-testid="read-privacy"]')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.locator('[data-testid="read-privacy"]')).toBeFocused()
  await tabTo(page, '[data-testid="password-submit"]')
  await page.keyboard.press('Enter')

  await expect(page.locator('#code-title')).toBeFocused()
  await typeInto(page, '#register-code', service.lastCode(email))
  await page.keyboard.press('Enter')
  await expect(page.locator('#done-title')).toBeFocused()
  await tabTo(page, '[data-testid="done-sign-in"]')
  await page.keyboard.press('Enter')
  await typeInto(page, '#sign-in-password', GOOD_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page.locator('#signed-in-title')).toBeFocused()
  await tabTo(page, '[data-testid="sign-out"]')
  await page.keyboard.press('Enter')
  await expect(page.locator('#welcome-title')).toBeVisible()

  service.clock.offsetMs += 61_000
  await tabTo(page, '[data-testid="choice-recovery"]')
  await page.keyboard.press('Enter')
  await typeInto(page, '#recovery-email', email)
  await page.keyboard.press('Enter')
  await expect(page.locator('#recovery-code-title')).toBeFocused()
  await typeInto(page, '#recovery-code', service.lastCode(email))
  await page.keyboard.press('Enter')
  await expect(page.locator('#new-password-title')).toBeFocused()
  await typeInto(page, '#recovery-password', 'Saint-Laurent~1534!')
  await typeInto(page, '#recovery-confirm', 'Saint-Laurent~1534!')
  await page.keyboard.press('Enter')
  await expect(page.locator('#recovery-done-title')).toBeFocused()
})
