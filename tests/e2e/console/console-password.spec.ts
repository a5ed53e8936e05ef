import { expect, test } from '../harness/fixtures'
import { CONSOLE_PASSWORD, checkPage, locales, openConsole, signIn } from './console-page'

const NEW_PASSWORD = 'Nouveau-Quai#2027?'

for (const locale of locales)
  test(`a registrar changes their console password on My account (${locale}); their other session ends`, async ({
    browser,
    service,
  }) => {
    const email = `registraire.${locale}@cegep.example.ca`
    await service.consoleAccount(email, 'registrar', CONSOLE_PASSWORD, { name: 'Camille Gagnon' })
    const elsewhere = await openConsole(browser, service, locale)
    await signIn(elsewhere, email)
    const page = await openConsole(browser, service, locale)
    await signIn(page, email)
    await page.getByTestId('nav-account').click()
    await expect(page.getByTestId('save-account')).toBeVisible()
    // Another tab of the same browser: the same cookie, its own copy of the CSRF token.
    const sibling = await page.context().newPage()
    await sibling.goto(page.url())
    await expect(sibling.getByTestId('save-account')).toBeVisible()
    const fr = locale === 'fr-CA'

    // Nothing typed: each field says so, and nothing is sent.
    await page.getByTestId('change-password').click()
    await expect(page.locator('#current-password-error')).toHaveText(
      fr ? 'Ce champ est obligatoire.' : 'This field is required.',
    )
    await expect(page.locator('#current-password')).toBeFocused()

    // Two different new passwords, then a wrong current one: said under the field, nothing lost.
    await page.locator('#current-password').fill('Pas-Le-Bon#2026!!')
    await page.locator('#new-password').fill(NEW_PASSWORD)
    await page.locator('#confirm-password').fill(`${NEW_PASSWORD}x`)
    await page.getByTestId('change-password').click()
    await expect(page.locator('#confirm-password-error')).toHaveText(
      fr
        ? 'Les deux nouveaux mots de passe ne sont pas identiques.'
        : 'The two new passwords are not the same.',
    )
    await page.locator('#confirm-password').fill(NEW_PASSWORD)
    await page.getByTestId('change-password').click()
    await expect(page.locator('#current-password-error')).toHaveText(
      fr ? "Ce n'est pas votre mot de passe actuel." : 'This is not your current password.',
    )
    await expect(page.locator('#current-password')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#current-password')).toBeFocused()
    await expect(page.locator('#new-password')).toHaveValue(NEW_PASSWORD)
    // A 422, not a 401: the page stays signed in.
    await expect(page.getByTestId('sign-out')).toBeVisible()
    await checkPage(page, 'my-account-password-wrong', locale)

    // A new password the policy refuses: said under the new one.
    await page.locator('#current-password').fill(CONSOLE_PASSWORD)
    await page.locator('#new-password').fill('Camille-Gagnon#2027')
    await page.locator('#confirm-password').fill('Camille-Gagnon#2027')
    await page.getByTestId('change-password').click()
    await expect(page.locator('#new-password-error')).toContainText(
      fr ? 'sans votre nom ni votre adresse' : 'without your name or address',
    )
    await expect(page.locator('#current-password-error')).toBeEmpty()

    await page.locator('#new-password').fill(NEW_PASSWORD)
    await page.locator('#confirm-password').fill(NEW_PASSWORD)
    await page.getByTestId('change-password').click()
    await expect(page.getByTestId('password-changed')).toHaveText(
      fr
        ? 'Votre mot de passe est changé. Vos autres sessions de la console ont pris fin; celle-ci continue.'
        : 'Your password is changed. Your other console sessions have ended; this one goes on.',
    )
    for (const field of ['#current-password', '#new-password', '#confirm-password'])
      await expect(page.locator(field)).toHaveValue('')
    // This page goes on in its new session: a change with its new CSRF token is taken.
    await page.getByTestId('save-account').click()
    await expect(page.getByText(fr ? 'Enregistré.' : 'Saved.')).toBeVisible()
    await checkPage(page, 'my-account-password-changed', locale)

    // The other tab learns the renewed session's token when its change is refused for the old one,
    // and its change is taken, without a reload and without signing in again.
    await sibling.getByTestId('save-account').click()
    await expect(sibling.getByText(fr ? 'Enregistré.' : 'Saved.')).toBeVisible()
    await expect(sibling.getByTestId('sign-out')).toBeVisible()

    // The other browser's session ended; the new password signs in there.
    await elsewhere.reload()
    await expect(elsewhere).toHaveURL(/\/console\/sign-in$/)
    await signIn(elsewhere, email, NEW_PASSWORD)
    await elsewhere.context().close()
    await page.context().close()
  })
