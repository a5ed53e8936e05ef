import { expect, test } from '../harness/fixtures'
import { CONSOLE_PASSWORD, locales, openConsole, signIn } from './console-page'

/**
 * Two tabs of one browser share the session's cookie, each with its own copy of the CSRF token:
 * what one tab does to the session (a password change renews it; signing out and in as someone
 * else replaces it) the other learns at its next change, or when its live stream ends.
 */
const NEW_PASSWORD = 'Nouveau-Quai#2027?'

/** The heartbeat's minute timer, left to the test (as in fleet.spec.ts). */
const noTimer = () => () => undefined

for (const locale of locales) {
  const fr = locale === 'fr-CA'

  test(`a tab whose cookie now holds someone else's session does not act for them (${locale})`, async ({
    browser,
    service,
  }) => {
    const first = `premiere.${locale}@cegep.example.ca`
    const second = `seconde.${locale}@cegep.example.ca`
    for (const email of [first, second])
      await service.consoleAccount(email, 'registrar', CONSOLE_PASSWORD)
    const page = await openConsole(browser, service, locale)
    await signIn(page, first)
    await page.getByTestId('nav-account').click()
    await expect(page.getByTestId('save-account')).toBeVisible()
    const stale = await page.context().newPage()
    await stale.goto(page.url())
    await expect(stale.locator('#language')).toHaveValue(locale)

    // The first person signs out in one tab; the second signs in there.
    await page.getByTestId('sign-out').click()
    await signIn(page, second)

    // The other tab still shows the first person; its change is refused and it goes to sign-in.
    await stale.locator('#language').selectOption(fr ? 'en-CA' : 'fr-CA')
    await stale.getByTestId('save-account').click()
    await expect(stale).toHaveURL(/\/console\/sign-in$/)

    // The second person's language is untouched.
    await page.reload()
    await expect(page.getByTestId('sign-out')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    await page.context().close()
  })

  test(`the fleet in another tab goes on live after a password change (${locale})`, async ({
    browser,
    kiosk,
    service,
  }) => {
    const email = `ti.onglets.${locale}@cegep.example.ca`
    await service.consoleAccount(email, 'it', CONSOLE_PASSWORD)
    const page = await openConsole(browser, service, locale)
    await signIn(page, email)
    await expect(page).toHaveURL(/\/console\/fleet$/)
    const fleet = await page.context().newPage()
    await fleet.goto(page.url())
    const live = fleet.getByTestId('fleet-live')
    await expect(live).toContainText(fr ? 'En direct' : 'Live')

    await page.getByTestId('nav-account').click()
    await page.locator('#current-password').fill(CONSOLE_PASSWORD)
    await page.locator('#new-password').fill(NEW_PASSWORD)
    await page.locator('#confirm-password').fill(NEW_PASSWORD)
    await page.getByTestId('change-password').click()
    await expect(page.getByTestId('password-changed')).toBeVisible()

    // The next change of the fleet ends the old session's stream; the tab takes the renewed one
    // and its stream comes back with the kiosk's beat.
    kiosk.core.heartbeat.start(noTimer)
    await kiosk.core.heartbeat.settled()
    await expect(fleet.getByTestId('device-device-1').locator('.badge-ok')).toBeVisible()
    await expect(live).toContainText(fr ? 'En direct' : 'Live')
    await expect(fleet).toHaveURL(/\/console\/fleet$/)
    await expect(fleet.getByTestId('sign-out')).toBeVisible()
    kiosk.core.heartbeat.stop()
    await page.context().close()
  })
}
