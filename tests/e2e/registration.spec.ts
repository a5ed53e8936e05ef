import { expect, screenshot, test, uniqueEmail } from './harness/fixtures'
import { acceptConsents, enterCode, fillPassword, GOOD_PASSWORD, signIn } from './harness/flows'

/** Main forwards at a person's pace (`ipc/human-speed.ts`): tests that retry move its clock. */
const HUMAN_PACE_MS = 10_000

const people = {
  'fr-CA': {
    firstName: 'Émilie',
    lastName: 'Bélanger-Côté',
    document: 'Baccalauréat en génie logiciel',
  },
  'en-CA': {
    firstName: 'Jordan',
    lastName: 'MacDonald',
    document: 'Bachelor of Science in Nursing',
  },
} as const

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test(`the whole happy path in ${locale}: invited → registered → verified → signed in with documents`, async ({
    page,
    kiosk,
    service,
  }) => {
    const person = { ...people[locale], email: uniqueEmail() }
    await service.invite(person.email, {
      document: { title: person.document, issuedOn: '2026-06-12' },
    })
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await expect(page.locator('html')).toHaveAttribute('lang', locale)

    await page.getByTestId('choice-create').click()
    await expect(page.getByRole('navigation')).toContainText(
      locale === 'fr-CA' ? 'Renseignements' : 'Your details',
    )
    await expect(page.locator('#identity-title')).toBeFocused()
    await screenshot(page, `register-identity.${locale}`)
    await page.locator('#identity-firstName').fill(person.firstName)
    await page.locator('#identity-lastName').fill(person.lastName)
    await page.locator('#identity-email').fill(person.email)
    await page.getByTestId('identity-next').click()
    await expect(page.getByTestId('confirm-emphasis')).toHaveText(person.email)
    await screenshot(page, `register-confirm-email.${locale}`)
    await page.getByTestId('confirm-yes').click()

    await expect(page.locator('#password-title')).toBeFocused()
    await fillPassword(page, GOOD_PASSWORD)
    await expect(page.locator('[data-rule][data-met="true"]')).toHaveCount(4)
    await acceptConsents(page)
    await screenshot(page, `register-password.${locale}`)
    await page.getByTestId('read-terms').click()
    await expect(page.getByRole('dialog')).toContainText(
      locale === 'fr-CA' ? 'Conditions d’utilisation' : 'Terms of use',
    )
    await screenshot(page, `register-terms.${locale}`)
    await page.getByRole('dialog').getByRole('button').click()
    await page.getByTestId('read-privacy').click()
    await expect(page.getByRole('dialog')).toContainText(
      locale === 'fr-CA' ? 'Politique de confidentialité' : 'Privacy policy',
    )
    await screenshot(page, `register-privacy.${locale}`)
    await page.getByRole('dialog').getByRole('button').click()
    await page.getByTestId('password-submit').click()

    await expect(page.locator('#code-title')).toBeFocused()
    await expect(page.locator('.lead')).toContainText('•••@etudiant.example.ca')
    const mail = service.outbox(person.email).at(-1)
    expect(mail?.subject).toBe(
      locale === 'fr-CA'
        ? 'Votre code de vérification MesCertif'
        : 'Your MyCreds verification code',
    )
    await page.getByTestId('demo-mailbox-toggle').click()
    await expect(page.getByTestId('demo-mailbox')).toContainText(service.lastCode(person.email))
    await screenshot(page, `register-code-with-demo-mailbox.${locale}`)
    await page.getByTestId('demo-mailbox-toggle').click()
    await screenshot(page, `register-code.${locale}`)
    await enterCode(page, 'register-code', service.lastCode(person.email), 'code-submit')

    await expect(page.locator('#done-title')).toBeFocused()
    await screenshot(page, `register-done.${locale}`)
    await page.getByTestId('done-sign-in').click()
    await expect(page.locator('#sign-in-email')).toHaveValue(person.email)
    await screenshot(page, `sign-in.${locale}`)
    await signIn(page, person.email, GOOD_PASSWORD)

    await expect(page.locator('#signed-in-title')).toContainText(person.firstName)
    await expect(page.getByTestId('documents')).toContainText(person.document)
    await expect(page.getByTestId('documents')).toContainText('Université Laval-de-Test')
    await expect(page.locator('img.qr')).toBeVisible()
    await screenshot(page, `signed-in.${locale}`)
    expect(service.accountCount(person.email)).toBe(1)

    await page.getByTestId('sign-out').click()
    await expect(page.locator('#welcome-title')).toBeVisible()
    const open = service.sql<{ n: number }>(
      'SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL',
    )[0]
    expect(open?.n).toBe(0)
  })
}

test('a password failing each rule shows which rule on the checklist', async ({
  page,
  onPasswordStep,
}) => {
  const cases: [string, string[]][] = [
    ['Short1!a', ['minLength']],
    ['NoSpecialCharacter12', ['special']],
    ['No-Digits-In-This-One!', ['digit']],
    ['all-lower-case-123!', ['mixedCase']],
    ['ALL-UPPER-CASE-123!', ['mixedCase']],
  ]
  for (const [password, failing] of cases) {
    await page.locator('#register-password').fill(password)
    for (const rule of ['minLength', 'special', 'digit', 'mixedCase']) {
      await expect(page.locator(`[data-rule="${rule}"]`)).toHaveAttribute(
        'data-met',
        failing.includes(rule) ? 'false' : 'true',
      )
    }
  }
  await page.locator('#register-password').fill('Short1!a')
  await page.locator('#register-confirm').fill('Short1!a')
  await acceptConsents(page)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#register-password-error')).toBeVisible()
  await screenshot(page, 'register-password-rules-failing.fr-CA')
  await expect(page.locator('#register-password')).toHaveValue('Short1!a')
})

test('a password containing the name is refused with its own rule shown', async ({
  page,
  onPasswordStep: person,
}) => {
  const withName = `${person.firstName}-2026-Laval!`
  await fillPassword(page, withName)
  await acceptConsents(page)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('[data-rule="personalInfo"]')).toHaveAttribute('data-met', 'false')
  await expect(page.locator('#register-password')).toHaveValue(withName)
})

test('the service refuses a common password dressed up to pass the rules', async ({
  page,
  service,
  onPasswordStep: person,
}) => {
  await fillPassword(page, 'Baseball-12345678!')
  await acceptConsents(page)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('[data-rule="common"]')).toHaveAttribute('data-met', 'false')
  expect(service.accountCount(person.email)).toBe(0)
})

test('a confirmation that does not match is caught, and nothing typed is lost', async ({
  page,
  onPasswordStep,
}) => {
  await fillPassword(page, GOOD_PASSWORD, `${GOOD_PASSWORD}x`)
  await acceptConsents(page)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#register-confirm-error')).toHaveText(
    'Les deux mots de passe ne sont pas identiques.',
  )
  await expect(page.locator('#register-password')).toHaveValue(GOOD_PASSWORD)
  await expect(page.locator('#register-confirm')).toHaveValue(`${GOOD_PASSWORD}x`)
  await expect(page.locator('#accept-terms')).toBeChecked()
})

test('unchecked consents are named next to each box', async ({ page, onPasswordStep }) => {
  await fillPassword(page, GOOD_PASSWORD)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#accept-terms-error')).toBeVisible()
  await expect(page.locator('#accept-privacy-error')).toBeVisible()
  await expect(page.locator('#accept-terms')).toBeFocused()
})

test('wrong codes show attempts left; the fifth kills the code; a new code works', async ({
  page,
  kiosk,
  service,
  onCodeStep: person,
}) => {
  const good = service.lastCode(person.email)
  const wrong = good === '000000' ? '111111' : '000000'
  for (const left of [4, 3, 2, 1]) {
    kiosk.mainClock.offsetMs += HUMAN_PACE_MS
    await enterCode(page, 'register-code', wrong, 'code-submit')
    await expect(page.locator('#register-code-error')).toContainText(`Il vous reste ${left} essai`)
  }
  await screenshot(page, 'register-code-wrong.fr-CA')
  await enterCode(page, 'register-code', wrong, 'code-submit')
  await expect(page.locator('#register-code-error')).toContainText('Trop de codes erronés')
  await expect(page.getByTestId('code-submit')).toBeDisabled()

  // Past the 60 s cooldown, for the service and for the page's countdown alike.
  service.clock.offsetMs += 61_000
  await page.clock.install()
  await page.clock.fastForward(61_000)
  await page.getByRole('button', { name: 'Renvoyer le code', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('Un nouveau code a été envoyé')
  const fresh = service.lastCode(person.email)
  kiosk.mainClock.offsetMs += HUMAN_PACE_MS
  await enterCode(page, 'register-code', fresh, 'code-submit')
  await expect(page.locator('#done-title')).toBeVisible()
})

test('resend during the cooldown is refused with the time to wait', async ({
  page,
  service,
  onCodeStep: person,
}) => {
  await expect(
    page.getByRole('button', { name: /Renvoyer le code \(possible dans \d+\ss\)/ }),
  ).toBeDisabled()
  // Even if the page asks anyway, main and the service refuse: the cooldown is the service's.
  const result = await page.evaluate(() => window.kiosk.registration.resend())
  expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited' } })
  expect(
    (result as { error: { retryAfterSeconds: number } }).error.retryAfterSeconds,
  ).toBeGreaterThan(50)
  expect(service.outbox(person.email)).toHaveLength(2)
})

test('the service stopped mid-flow: a clear banner, inputs kept; restarted, the same click works', async ({
  page,
  service,
  onPasswordStep: person,
}) => {
  await fillPassword(page, GOOD_PASSWORD)
  await acceptConsents(page)
  // The live region is on the page before the banner, so that a screen reader says it arriving.
  await expect(page.locator('.banner-slot[role="status"]')).toHaveCount(1)
  await expect(page.getByTestId('service-banner')).toHaveCount(0)
  await service.stop()
  await page.getByTestId('password-submit').click()
  await expect(
    page.locator('.banner-slot[role="status"] [data-testid="service-banner"]'),
  ).toBeVisible()
  await expect(page.locator('#register-password')).toHaveValue(GOOD_PASSWORD)
  await expect(page.locator('#register-confirm')).toHaveValue(GOOD_PASSWORD)
  await screenshot(page, 'service-unreachable.fr-CA')
  await page.getByTestId('language-switch').click()
  await screenshot(page, 'service-unreachable.en-CA')
  await page.getByTestId('language-switch').click()
  await service.start()
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#register-code')).toBeVisible()
  await expect(page.getByTestId('service-banner')).toHaveCount(0)
  expect(service.accountCount(person.email)).toBe(1)
})

test('wrong password at sign-in; ten failures lock the account and say when to retry', async ({
  page,
  kiosk,
  service,
  onCodeStep: person,
}) => {
  await enterCode(page, 'register-code', service.lastCode(person.email), 'code-submit')
  await page.getByTestId('done-sign-in').click()
  await signIn(page, person.email, 'Not-The-Right-One-2026!')
  await expect(page.getByRole('alert')).toHaveText(
    'L’adresse courriel ou le mot de passe est incorrect.',
  )
  await expect(page.locator('#sign-in-email')).toHaveValue(person.email)
  await screenshot(page, 'sign-in-wrong-password.fr-CA')
  for (let i = 2; i <= 10; i++) {
    kiosk.mainClock.offsetMs += HUMAN_PACE_MS
    await page.getByTestId('sign-in-submit').click()
    await expect(page.getByTestId('sign-in-submit')).toBeEnabled()
  }
  await expect(page.getByRole('alert')).toContainText(/bloqué pendant 15\smin/)
  await page.locator('#sign-in-password').fill(GOOD_PASSWORD)
  kiosk.mainClock.offsetMs += HUMAN_PACE_MS
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByRole('alert')).toContainText('bloqué pendant')
  await screenshot(page, 'sign-in-locked.fr-CA')
})
