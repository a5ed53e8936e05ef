import { checkScreen } from './harness/accessibility'
import { expect, screenshot, testWithKiosk, uniqueEmail } from './harness/fixtures'
import { acceptConsents, fillIdentity, fillPassword, GOOD_PASSWORD } from './harness/flows'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'

const test = testWithKiosk({ config: { onScreenKeyboard: 'on' } })

const key = (page: import('@playwright/test').Page, label: string) =>
  page.getByTestId('on-screen-keyboard').locator(`.hg-button[data-skbtn="${label}"]`)

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test(`types names with accents and an address on Identity, digits on Code (${locale})`, async ({
    page,
    kiosk,
    service,
  }) => {
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await page.getByTestId('choice-create').click()
    await expect(page.getByTestId('on-screen-keyboard')).toHaveCount(0)
    await page.locator('#identity-firstName').focus()
    await expect(page.getByTestId('on-screen-keyboard')).toBeVisible()
    await key(page, '{shift}').click()
    await key(page, 'É').click()
    for (const letter of ['l', 'o', 'd', 'i', 'e']) await key(page, letter).click()
    await expect(page.locator('#identity-firstName')).toHaveValue('Élodie')
    await expect(page.locator('#identity-firstName')).toBeFocused()
    // Every accent of French names, in both layouts: Zoë, Côté, François, Lætitia, Œuvrard, Ÿvonne…
    await page.locator('#identity-lastName').focus()
    for (const letter of 'àâçéèêëîïôùûüÿæœ') await key(page, letter).click()
    await expect(page.locator('#identity-lastName')).toHaveValue('àâçéèêëîïôùûüÿæœ')
    await key(page, '{shift}').click()
    await key(page, 'Œ').click()
    await expect(page.locator('#identity-lastName')).toHaveValue('àâçéèêëîïôùûüÿæœŒ')
    // Hidden on request, back when the field is touched again; never typing into nothing.
    await page.getByTestId('keyboard-hide').click()
    await expect(page.getByTestId('on-screen-keyboard')).toHaveCount(0)
    await expect(page.locator('#identity-lastName')).toBeFocused()
    await page.getByTestId('keyboard-show').click()
    await expect(page.getByTestId('on-screen-keyboard')).toBeVisible()
    await page.locator('#identity-lastName').fill('')
    await page.locator('#identity-email').focus()
    for (const letter of ['a', '@', 'b', '.', 'c', 'a']) await key(page, letter).click()
    await key(page, '{bksp}').click()
    await expect(page.locator('#identity-email')).toHaveValue('a@b.c')
    // The focused field stays visible above the keyboard.
    const field = (await page.locator('#identity-email').boundingBox())!
    const keyboard = (await page.getByTestId('on-screen-keyboard').boundingBox())!
    expect(field.y + field.height).toBeLessThanOrEqual(keyboard.y)
    await screenshot(page, `keyboard-identity.${locale}`)
    await checkScreen(page, 'on-screen keyboard', locale)

    const email = uniqueEmail('osk')
    await service.invite(email)
    await fillIdentity(page, { firstName: 'Élodie', lastName: 'Côté', email })
    await page.locator('#register-password').focus()
    await expect(page.getByTestId('on-screen-keyboard')).toHaveClass(/osk--private/)
    await fillPassword(page, GOOD_PASSWORD)
    await acceptConsents(page)
    await page.getByTestId('password-submit').click()
    await page.locator('#register-code').focus()
    await expect(page.getByTestId('on-screen-keyboard')).toHaveClass(/osk--digits/)
    const code = service.lastCode(email)
    for (const digit of code) await key(page, digit).click()
    await expect(page.locator('#register-code')).toHaveValue(code)
    await screenshot(page, `keyboard-code.${locale}`)
    await key(page, '{enter}').click()
    await expect(page.locator('#done-title')).toBeVisible()
  })
}

test('the keyboard types in the staff panel, above the dialog, and Enter submits there', async ({
  page,
  kiosk,
  service,
}) => {
  kiosk.emit({ type: 'staffRequested' })
  for (const digit of HARNESS_STAFF_PIN) await page.getByTestId(`pin-${digit}`).click()
  await page.getByTestId('pin-unlock').click()
  await page.locator('#staff-email').click()
  const keyboard = page.getByRole('dialog').getByTestId('on-screen-keyboard')
  await expect(keyboard).toBeVisible()
  for (const letter of ['a', '@', 'b', '.', 'c', 'a']) await key(page, letter).click()
  await expect(page.locator('#staff-email')).toHaveValue('a@b.ca')
  await screenshot(page, 'keyboard-staff-panel.fr-CA')
  await key(page, '{enter}').click()
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Demande envoyée')
  expect(service.outbox('a@b.ca')).toEqual([])
})
