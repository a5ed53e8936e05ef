import { checkScreen } from './harness/accessibility'
import { expect, screenshot, test } from './harness/fixtures'

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test(`a person going faster than main forwards gets a clear message and keeps what they typed (${locale})`, async ({
    page,
    kiosk: _kiosk,
  }) => {
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await page.getByTestId('choice-link').click()
    const typed = 'mescertif://bonjour'
    await page.locator('#link-raw').fill(typed)
    const submit = page.getByTestId('link-submit')
    const message = page.locator('.form-error')
    // links.submit lets a burst of 5 through; a few more quick tries reach the limit.
    for (let tries = 0; tries < 15 && !(await message.isVisible()); tries++) {
      await submit.click()
      await expect(submit).toBeEnabled()
    }
    await expect(message).toHaveText(
      locale === 'fr-CA'
        ? /^Un instant, s’il vous plaît\s: la borne a reçu trop de demandes à la suite\. Réessayez dans [1-5]\ss\.$/
        : /^One moment, please: the kiosk received too many requests in a row\. Try again in [1-5] s\.$/,
    )
    await expect(page.locator('#link-raw')).toHaveValue(typed)
    await screenshot(page, `too-fast.${locale}`)
    await checkScreen(page, 'too-fast', locale)
  })
}
