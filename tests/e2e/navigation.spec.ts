import type { Page } from '@playwright/test'
import { expect, test } from './harness/fixtures'
import { fillIdentity, fillPassword, GOOD_PASSWORD, acceptConsents } from './harness/flows'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'

/** Where a screen's buttons are: Back on the left, the main one on the right, the same on every step. */
async function actionBar(page: Page) {
  const box = async (selector: string) =>
    (await page.locator(`main .actions--bar ${selector}`).boundingBox())!
  const back = await box('[data-testid="back"]')
  const main = await box('.button--primary')
  return {
    back: [Math.round(back.x), Math.round(back.y)],
    main: [Math.round(main.x + main.width), Math.round(main.y)],
  }
}

test.use({ viewport: { width: 1366, height: 768 } })

test('Home goes straight to Welcome when nothing was typed, and asks first when something was', async ({
  page,
  kiosk,
}) => {
  await page.getByTestId('choice-questions').click()
  await page.getByTestId('home').click()
  await expect(page.locator('#welcome-title')).toBeFocused()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await page.getByTestId('choice-create').click()
  await page.locator('#identity-firstName').fill('Zoë')
  await page.getByTestId('home').click()
  await expect(page.getByRole('dialog')).toContainText('Retourner à l’accueil?')
  await page.getByTestId('confirm-no').click()
  await expect(page.locator('#identity-firstName')).toHaveValue('Zoë')
  await page.getByTestId('back').click()
  await page.getByTestId('confirm-yes').click()
  await expect(page.locator('#welcome-title')).toBeFocused()
  await page.getByTestId('choice-create').click()
  await expect(page.locator('#identity-firstName')).toHaveValue('')
})

test('Back on every step after the first, in the same place as the main button on every step', async ({
  page,
  kiosk,
  invited,
}) => {
  await page.getByTestId('choice-create').click()
  const identity = await actionBar(page)
  await fillIdentity(page, invited)
  await expect(page.locator('#password-title')).toBeFocused()
  expect(await actionBar(page)).toEqual(identity)
  await page.getByTestId('back').click()
  await expect(page.locator('#identity-title')).toBeFocused()
  await expect(page.locator('#identity-email')).toHaveValue(invited.email)
  await fillIdentity(page, invited)
  await fillPassword(page, GOOD_PASSWORD)
  await acceptConsents(page)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#code-title')).toBeFocused()
  expect(await actionBar(page)).toEqual(identity)
  await page.getByTestId('back').click()
  await expect(page.locator('#password-title')).toBeFocused()
})

test('each new screen opens at its top, focus on its heading', async ({ page, kiosk, invited }) => {
  await page.getByTestId('choice-create').click()
  await page.getByTestId('identity-next').click()
  await page.locator('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }))
  await page.locator('#identity-firstName').fill(invited.firstName)
  await page.locator('#identity-lastName').fill(invited.lastName)
  await page.locator('#identity-email').fill(invited.email)
  await page.getByTestId('identity-next').click()
  await page.getByTestId('confirm-yes').click()
  await expect(page.locator('#password-title')).toBeFocused()
  await page.locator('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }))
  expect(await page.locator('main').evaluate((main) => main.scrollTop)).toBeGreaterThan(0)
  await page.getByTestId('back').click()
  await expect(page.locator('#identity-title')).toBeFocused()
  expect(await page.locator('main').evaluate((main) => main.scrollTop)).toBe(0)
})

test('staff: ⌫ takes back one digit; quitting kiosk mode asks first', async ({ page, kiosk }) => {
  kiosk.emit({ type: 'staffRequested' })
  for (const digit of '135') await page.getByTestId(`pin-${digit}`).click()
  await page.getByTestId('pin-backspace').click()
  // The dots for the eye; the count, for screen readers and audio guidance.
  await expect(page.getByTestId('pin-display').locator('[aria-hidden="true"]')).toHaveText('●●')
  await expect(page.getByTestId('pin-display')).toContainText('2\u00a0chiffres saisis')
  await page.getByTestId('pin-backspace').click()
  await page.getByTestId('pin-backspace').click()
  for (const digit of HARNESS_STAFF_PIN) await page.getByTestId(`pin-${digit}`).click()
  await page.getByTestId('pin-unlock').click()
  await expect(page.getByTestId('staff-status')).toBeVisible()
  await page.getByTestId('staff-quit').click()
  await expect(page.getByTestId('confirm-yes')).toHaveText('Oui, quitter le mode borne')
  await page.getByTestId('confirm-no').click()
  expect(kiosk.quits).toEqual([])
  await page.getByTestId('staff-quit').click()
  await page.getByTestId('confirm-yes').click()
  await expect.poll(() => kiosk.quits.length).toBe(1)
})
