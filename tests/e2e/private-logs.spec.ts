import { readFileSync } from 'node:fs'
import { expect, test, uniqueEmail } from './harness/fixtures'
import { enterCode, goHome, GOOD_PASSWORD, registerUntilCode, signIn } from './harness/flows'

test('a whole registration, sign-in and recovery leave no personal data in the log', async ({
  page,
  kiosk,
  service,
  logFile,
}) => {
  const email = uniqueEmail('private')
  const person = { firstName: 'Maëlle', lastName: 'Archambault', email }
  const newPassword = 'Saint-Laurent~1534!'
  await service.invite(email, { firstName: person.firstName, lastName: person.lastName })
  const invite = service.lastLink(email, 'invite')
  await kiosk.openMailLink(invite)
  await expect(page.locator('#identity-email')).toHaveValue(email)
  await goHome(page)
  await expect(page.locator('#welcome-title')).toBeVisible()

  await registerUntilCode(page, person)
  const registrationCode = service.lastCode(email)
  const activation = service.lastLink(email, 'activate')
  await enterCode(
    page,
    'register-code',
    '000000' === registrationCode ? '111111' : '000000',
    'code-submit',
  )
  await enterCode(page, 'register-code', registrationCode, 'code-submit')
  await page.getByTestId('done-sign-in').click()
  await signIn(page, email, 'Wrong-Password-2026!')
  await signIn(page, email, GOOD_PASSWORD)
  await expect(page.locator('#signed-in-title')).toBeVisible()
  const sessionToken = kiosk.core.state.person.sessionToken!
  await page.getByTestId('sign-out').click()
  await expect(page.locator('#welcome-title')).toBeVisible()

  service.clock.offsetMs += 61_000
  await page.getByTestId('choice-recovery').click()
  await page.locator('#recovery-email').fill(email)
  await page.getByTestId('recovery-submit').click()
  await expect(page.getByTestId('recovery-sent')).toBeVisible()
  const recoveryCode = service.lastCode(email)
  const reset = service.lastLink(email, 'reset')
  await enterCode(page, 'recovery-code', recoveryCode, 'recovery-code-submit')
  await page.locator('#recovery-password').fill(newPassword)
  await page.locator('#recovery-confirm').fill(newPassword)
  await page.getByTestId('new-password-submit').click()
  await expect(page.locator('#recovery-done-title')).toBeVisible()
  await kiosk.openMailLink(`mescertif://activate/${activation.split('/').pop()}x`)

  const log = readFileSync(logFile, 'utf8')
  expect(log).toContain('registration.submitted')
  expect(log).toContain('session.sign_in')
  expect(log).toContain('recovery.verified')
  const secrets = [
    email,
    email.split('@')[0]!,
    person.firstName,
    person.lastName,
    GOOD_PASSWORD,
    newPassword,
    'Wrong-Password-2026!',
    registrationCode,
    recoveryCode,
    sessionToken,
    ...[invite, activation, reset].map((link) => link.split('/').pop()!),
  ]
  for (const secret of secrets) expect(log, `the log holds "${secret}"`).not.toContain(secret)
})
