import { checkScreen } from './harness/accessibility'
import { expect, screenshot, testWithKiosk, uniqueEmail } from './harness/fixtures'
import { acceptConsents, fillIdentity, fillPassword, GOOD_PASSWORD } from './harness/flows'

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
    service.invite(email)
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
