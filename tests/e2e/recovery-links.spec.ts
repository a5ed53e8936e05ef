import { expect, screenshot, test, uniqueEmail } from './harness/fixtures'
import {
  createActiveAccount,
  enterCode,
  fillIdentity,
  goHome,
  GOOD_PASSWORD,
  registerUntilCode,
  scanBurst,
  signIn,
} from './harness/flows'
import type { Page } from '@playwright/test'
import type { ReferenceService } from './harness/reference-service'
import { checkScreen } from './harness/accessibility'

const NEW_PASSWORD = 'Saint-Laurent~1534!'

async function requestRecovery(page: Page, email: string) {
  await page.getByTestId('choice-recovery').click()
  await page.locator('#recovery-email').fill(email)
  await page.getByTestId('recovery-submit').click()
  await expect(page.getByTestId('recovery-sent')).toBeVisible()
}

async function pendingAccount(page: Page, service: ReferenceService, email: string) {
  await service.invite(email)
  await registerUntilCode(page, { firstName: 'Félix', lastName: 'Morin', email })
  await goHome(page)
  await expect(page.locator('#welcome-title')).toBeVisible()
  service.clock.offsetMs += 61_000
}

async function activeAccount(page: Page, service: ReferenceService, email: string) {
  await service.invite(email)
  await createActiveAccount(page, service, { firstName: 'Inès', lastName: 'Caron', email })
}

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test(`recovery of a pending account activates it (${locale})`, async ({
    page,
    kiosk,
    service,
  }) => {
    const email = uniqueEmail('pending')
    await pendingAccount(page, service, email)
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await page.getByTestId('choice-recovery').click()
    await screenshot(page, `recovery-email.${locale}`)
    await page.locator('#recovery-email').fill(email)
    await page.getByTestId('recovery-submit').click()
    await expect(page.getByTestId('recovery-sent')).toBeVisible()
    await screenshot(page, `recovery-code.${locale}`)
    expect(service.outbox(email).at(-1)?.subject).toBe(
      locale === 'fr-CA' ? 'Activez votre compte MesCertif' : 'Activate your MyCreds account',
    )
    await enterCode(page, 'recovery-code', service.lastCode(email), 'recovery-code-submit')
    await expect(page.locator('#recovery-done-title')).toBeVisible()
    await screenshot(page, `recovery-activated.${locale}`)
    await page.getByTestId('recovery-sign-in').click()
    await signIn(page, email, GOOD_PASSWORD)
    await expect(page.locator('#signed-in-title')).toBeVisible()
  })

  test(`recovery of an active account resets the password, then signs in with it (${locale})`, async ({
    page,
    kiosk,
    service,
  }) => {
    const email = uniqueEmail('active')
    await activeAccount(page, service, email)
    if (locale === 'en-CA') await page.getByTestId('language-switch').click()
    await requestRecovery(page, email)
    await enterCode(page, 'recovery-code', service.lastCode(email), 'recovery-code-submit')
    await expect(page.locator('#new-password-title')).toBeVisible()
    await page.locator('#recovery-password').fill(NEW_PASSWORD)
    await page.locator('#recovery-confirm').fill(NEW_PASSWORD)
    await screenshot(page, `recovery-new-password.${locale}`)
    await page.getByTestId('new-password-submit').click()
    await expect(page.locator('#recovery-done-title')).toBeVisible()
    await screenshot(page, `recovery-password-changed.${locale}`)
    await page.getByTestId('recovery-sign-in').click()
    await signIn(page, email, GOOD_PASSWORD)
    await expect(page.getByRole('alert')).not.toBeEmpty()
    await signIn(page, email, NEW_PASSWORD)
    await expect(page.locator('#signed-in-title')).toBeVisible()
  })
}

test('an unknown email shows the same screen and sends nothing', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('ghost')
  await requestRecovery(page, email)
  await expect(page.getByTestId('recovery-sent')).toHaveText(
    'Si un compte existe pour cette adresse, nous venons d’y envoyer un courriel avec un code.',
  )
  expect(service.outbox(email)).toHaveLength(0)
})

test('Questions shows the institution contact in both languages', async ({ page, kiosk }) => {
  await page.getByTestId('choice-questions').click()
  await expect(page.getByTestId('contact')).toContainText(kiosk.config.institution['fr-CA'].hours)
  await expect(page.getByTestId('contact')).toContainText(kiosk.config.institution.phone)
  await screenshot(page, 'questions.fr-CA')
  await page.getByTestId('language-switch').click()
  await expect(page.getByTestId('contact')).toContainText(kiosk.config.institution['en-CA'].hours)
  await screenshot(page, 'questions.en-CA')
})

test('an invitation link from the OS opens registration with the address locked', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('invite')
  await service.invite(email, { firstName: 'Amélie', lastName: 'Nadeau' })
  await kiosk.openMailLink(service.lastLink(email, 'invite'))
  await expect(page.locator('#identity-email')).toHaveValue(email)
  await expect(page.locator('#identity-email')).toBeDisabled()
  await expect(page.locator('#identity-firstName')).toHaveValue('Amélie')
  await screenshot(page, 'link-invite-identity.fr-CA')
  await page.getByTestId('language-switch').click()
  await screenshot(page, 'link-invite-identity.en-CA')
  // Main enforces the lock too: the page cannot register another address with this invitation.
  const forged = await page.evaluate(() =>
    window.kiosk.registration.submit({
      firstName: 'A',
      lastName: 'B',
      email: 'other@example.ca',
      password: 'Rivière-Bleue#2026!',
      locale: 'fr-CA',
      acceptTerms: true,
      acceptPrivacy: true,
    }),
  )
  expect(forged).toMatchObject({
    ok: false,
    error: { code: 'validation_failed', fields: { email: 'invalid' } },
  })
})

test('an activation link from the OS activates the account, then sign in', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('activate')
  await service.invite(email)
  await registerUntilCode(page, { firstName: 'Hugo', lastName: 'Girard', email })
  await goHome(page)
  await expect(page.locator('#welcome-title')).toBeVisible()
  await kiosk.openMailLink(service.lastLink(email, 'activate'))
  await expect(page.getByTestId('link-sign-in')).toBeVisible()
  await screenshot(page, 'link-activated.fr-CA')
  await page.getByTestId('language-switch').click()
  await screenshot(page, 'link-activated.en-CA')
  expect(
    service.sql<{ status: string }>('SELECT status FROM accounts WHERE email = ?', email)[0]
      ?.status,
  ).toBe('active')
})

test('a reset link arrives as a scanner burst on Welcome and leads to a new password', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('scan')
  await activeAccount(page, service, email)
  await requestRecovery(page, email)
  const link = service.lastLink(email, 'reset')
  await goHome(page)
  await expect(page.locator('#welcome-title')).toBeVisible()
  await scanBurst(page, link)
  await expect(page.locator('#new-password-title')).toBeVisible()
  await page.locator('#recovery-password').fill(NEW_PASSWORD)
  await page.locator('#recovery-confirm').fill(NEW_PASSWORD)
  await page.getByTestId('new-password-submit').click()
  await expect(page.locator('#recovery-done-title')).toBeVisible()
})

test('each kind of link also works as a scanner burst', async ({ page, kiosk, service }) => {
  const email = uniqueEmail('burst')
  await service.invite(email)
  await scanBurst(page, service.lastLink(email, 'invite'))
  await expect(page.locator('#identity-email')).toHaveValue(email)
})

test('slow typing on Welcome is not mistaken for a scanner', async ({ page, kiosk, service }) => {
  const email = uniqueEmail('slow')
  await service.invite(email)
  await page.keyboard.type(service.lastLink(email, 'invite').slice(0, 30), { delay: 200 })
  await page.keyboard.press('Enter')
  // A round trip through the bridge: whatever that Enter set off has reached main by its end.
  await page.evaluate(() => window.kiosk.app.info())
  expect(kiosk.invoked).not.toContain('links.submit')
  await expect(page.locator('#welcome-title')).toBeVisible()
})

test('a pasted link on "I have a link" works; garbage gets a clear error and stays in the field', async ({
  page,
  kiosk,
  service,
}) => {
  await page.getByTestId('choice-link').click()
  await screenshot(page, 'link-entry.fr-CA')
  await page.locator('#link-raw').fill('javascript:alert(1)')
  await page.getByTestId('link-submit').click()
  await expect(page.locator('#link-raw-error')).toContainText('n’est pas un lien MesCertif valide')
  await expect(page.locator('#link-raw')).toHaveValue('javascript:alert(1)')
  await screenshot(page, 'link-entry-invalid.fr-CA')
  await page.getByTestId('language-switch').click()
  await screenshot(page, 'link-entry-invalid.en-CA')
  const email = uniqueEmail('paste')
  await service.invite(email)
  await page
    .locator('#link-raw')
    .fill(
      service
        .lastLink(email, 'invite')
        .replace('mescertif://', 'https://mescertif.example.ca/kiosk/'),
    )
  await page.getByTestId('link-submit').click()
  await expect(page.locator('#identity-email')).toHaveValue(email)
})

test('a used link and an expired link each get their own message and a way to get a new email', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('used')
  await service.invite(email)
  await registerUntilCode(page, { firstName: 'Chloé', lastName: 'Roy', email })
  const activation = service.lastLink(email, 'activate')
  await enterCode(page, 'register-code', service.lastCode(email), 'code-submit')
  await page.getByRole('button', { name: 'Terminer' }).click()
  await expect(page.locator('#welcome-title')).toBeVisible()
  await kiosk.openMailLink(activation)
  await expect(page.getByTestId('link-problem')).toHaveAttribute('data-code', 'link_used')
  await expect(page.getByTestId('link-problem')).toHaveText('Ce lien a déjà été utilisé.')
  await screenshot(page, 'link-used.fr-CA')
  await checkScreen(page, 'link problem', 'fr-CA')
  await page.getByTestId('language-switch').click()
  await screenshot(page, 'link-used.en-CA')
  await checkScreen(page, 'link problem', 'en-CA')
  await page.getByTestId('language-switch').click()

  const late = uniqueEmail('expired')
  await service.invite(late)
  const invitation = service.lastLink(late, 'invite')
  service.clock.offsetMs += 31 * 24 * 3600_000
  await goHome(page)
  await expect(page.locator('#welcome-title')).toBeVisible()
  await kiosk.openMailLink(invitation)
  await expect(page.getByTestId('link-problem')).toHaveAttribute('data-code', 'link_expired')
  await screenshot(page, 'link-expired.fr-CA')
  await page.getByTestId('link-request-new').click()
  await expect(page.locator('#recovery-email')).toBeVisible()
})

test('a link arriving mid-registration asks first; "keep" keeps everything, "erase" starts the link', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('mid')
  await page.getByTestId('choice-create').click()
  await page.locator('#identity-firstName').fill('Premier')
  await page.locator('#identity-lastName').fill('Étudiant')
  await page.locator('#identity-email').fill('premier@etudiant.example.ca')
  await service.invite(email)
  await kiosk.openMailLink(service.lastLink(email, 'invite'))
  await expect(page.getByRole('dialog')).toContainText('Une démarche est en cours')
  await screenshot(page, 'link-discard-ask.fr-CA')
  await page.getByTestId('confirm-no').click()
  await expect(page.locator('#identity-firstName')).toHaveValue('Premier')

  await kiosk.openMailLink(service.lastLink(email, 'invite'))
  await page.getByTestId('confirm-yes').click()
  await expect(page.locator('#identity-email')).toHaveValue(email)
  await expect(page.locator('#identity-firstName')).toHaveValue('')
  await expect(page.locator('#identity-lastName')).toHaveValue('')
  await fillIdentity(page, { firstName: 'Second', lastName: 'Étudiant', email })
  await expect(page.locator('#password-title')).toBeVisible()
})
