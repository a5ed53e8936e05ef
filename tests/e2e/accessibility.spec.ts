import { expect, test, uniqueEmail } from './harness/fixtures'
import { checkScreen } from './harness/accessibility'
import { acceptConsents, enterCode, fillPassword, GOOD_PASSWORD, signIn } from './harness/flows'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test(`every screen and dialog passes axe (WCAG 2.2 A/AA) and has 44 px targets — ${locale}`, async ({
    page,
    kiosk,
    service,
  }) => {
    const email = uniqueEmail('a11y')
    service.invite(email, {
      document: { title: 'Baccalauréat en musique', issuedOn: '2026-06-01' },
    })
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await checkScreen(page, 'welcome', locale)

    await page.getByTestId('choice-create').click()
    await checkScreen(page, 'identity', locale)
    await page.getByTestId('identity-next').click()
    await checkScreen(page, 'identity with errors', locale)
    await page.locator('#identity-firstName').fill('Élise')
    await page.locator('#identity-lastName').fill('Poirier')
    await page.locator('#identity-email').fill(email)
    await page.getByTestId('identity-next').click()
    await checkScreen(page, 'confirm address dialog', locale)
    await page.getByTestId('confirm-yes').click()

    await checkScreen(page, 'password', locale)
    await page.getByTestId('password-submit').click()
    await checkScreen(page, 'password with errors', locale)
    await page.getByTestId('read-terms').click()
    await checkScreen(page, 'terms dialog', locale)
    await page.getByRole('dialog').getByRole('button').click()
    await fillPassword(page, GOOD_PASSWORD)
    await acceptConsents(page)
    await page.getByTestId('password-submit').click()

    await expect(page.locator('#register-code')).toBeVisible()
    await checkScreen(page, 'code', locale)
    await enterCode(
      page,
      'register-code',
      '000000' === service.lastCode(email) ? '111111' : '000000',
      'code-submit',
    )
    await checkScreen(page, 'code with error', locale)
    await page.getByTestId('demo-mailbox-toggle').click()
    await checkScreen(page, 'demo mailbox', locale)
    await page.getByTestId('demo-mailbox-toggle').click()
    await enterCode(page, 'register-code', service.lastCode(email), 'code-submit')
    await checkScreen(page, 'done', locale)

    await page.getByTestId('done-sign-in').click()
    await checkScreen(page, 'sign in', locale)
    await signIn(page, email, GOOD_PASSWORD)
    await expect(page.getByTestId('documents')).toBeVisible()
    await checkScreen(page, 'signed in', locale)
    await page.getByTestId('sign-out').click()
    await expect(page.locator('#welcome-title')).toBeVisible()
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()

    service.clock.offsetMs += 61_000
    await page.getByTestId('choice-recovery').click()
    await checkScreen(page, 'recovery email', locale)
    await page.locator('#recovery-email').fill(email)
    await page.getByTestId('recovery-submit').click()
    await expect(page.getByTestId('recovery-sent')).toBeVisible()
    await checkScreen(page, 'recovery code', locale)
    await enterCode(page, 'recovery-code', service.lastCode(email), 'recovery-code-submit')
    await expect(page.locator('#recovery-password')).toBeVisible()
    await checkScreen(page, 'new password', locale)
    await page.locator('#recovery-password').fill('Saint-Laurent~1534!')
    await page.locator('#recovery-confirm').fill('Saint-Laurent~1534!')
    await page.getByTestId('new-password-submit').click()
    await expect(page.locator('#recovery-done-title')).toBeVisible()
    await checkScreen(page, 'recovery done', locale)

    await page.getByTestId('start-over').click()
    await expect(page.locator('#welcome-title')).toBeVisible()
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await page.getByTestId('choice-link').click()
    await page.getByTestId('link-submit').click()
    await checkScreen(page, 'link entry with error', locale)
    await page.locator('#link-raw').fill(`mescertif://activate/${'A'.repeat(43)}`)
    await page.getByTestId('link-submit').click()
    await checkScreen(page, 'link invalid', locale)
    await page.getByTestId('start-over').click()
    await expect(page.locator('#welcome-title')).toBeVisible()
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await page.getByTestId('choice-questions').click()
    await checkScreen(page, 'questions', locale)

    kiosk.emit({ type: 'staffRequested' })
    await expect(page.getByTestId('pin-unlock')).toBeVisible()
    await checkScreen(page, 'staff PIN pad', locale)
    for (const digit of HARNESS_STAFF_PIN) await page.getByTestId(`pin-${digit}`).click()
    await page.getByTestId('pin-unlock').click()
    await expect(page.getByTestId('staff-status')).toBeVisible()
    await checkScreen(page, 'staff panel', locale)
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
  const { expectTouchTargets } = await import('./harness/accessibility')
  await expect(expectTouchTargets(page, 'broken on purpose')).rejects.toThrow(/button#tiny \d+×\d+/)
})
