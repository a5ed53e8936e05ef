import type { ConsoleMessage } from '@playwright/test'
import { expect, test, uniqueEmail } from './harness/fixtures'
import { createActiveAccount, enterCode, goHome, registerUntilCode } from './harness/flows'

const NEW_PASSWORD = 'Saint-Laurent~1534!'

/**
 * Chromium's advice on a page's forms ("[DOM] Password forms should have (optionally hidden)
 * username fields…") goes to the renderer's console, which keeps every message for the renderer's
 * life, up to a thousand: one per person was the heap bench's steadiest growth
 * (docs/performance.md). Both password forms a person fills, registration's and recovery's, leave
 * none.
 */
test('registration and a password reset leave no advice from Chromium in the console', async ({
  page,
  kiosk: _kiosk,
  service,
}) => {
  const advice: string[] = []
  const sentinel = 'console-advice: end of the walk'
  const seen = (message: ConsoleMessage) => {
    if (message.text().startsWith('[DOM]')) advice.push(message.text())
  }
  page.on('console', seen)

  const newcomer = { firstName: 'Élodie', lastName: 'Gagnon', email: uniqueEmail('advice') }
  await service.invite(newcomer.email)
  await registerUntilCode(page, newcomer)
  await expect(page.locator('#code-title')).toBeFocused()

  // The next person, a returning one, who forgot their password.
  await goHome(page)
  await expect(page.locator('#welcome-title')).toBeVisible()
  const returning = { firstName: 'Inès', lastName: 'Caron', email: uniqueEmail('advice') }
  await service.invite(returning.email)
  await createActiveAccount(page, service, returning)
  await page.getByTestId('choice-recovery').click()
  await page.locator('#recovery-email').fill(returning.email)
  await page.getByTestId('recovery-submit').click()
  await expect(page.getByTestId('recovery-sent')).toBeVisible()
  await enterCode(page, 'recovery-code', service.lastCode(returning.email), 'recovery-code-submit')
  await expect(page.locator('#new-password-title')).toBeVisible()
  await page.locator('#recovery-password').fill(NEW_PASSWORD)
  await page.locator('#recovery-confirm').fill(NEW_PASSWORD)
  await page.getByTestId('new-password-submit').click()
  await expect(page.locator('#recovery-done-title')).toBeVisible()

  // Console messages arrive in order: once this one is in, any advice about the forms is too.
  const end = page.waitForEvent('console', (message) => message.text() === sentinel)
  await page.evaluate((text) => console.debug(text), sentinel)
  await end
  expect(advice).toEqual([])
})
