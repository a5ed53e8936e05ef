import { expect, screenshot, testWithKiosk, uniqueEmail } from './harness/fixtures'
import {
  acceptConsents,
  enterCode,
  fillIdentity,
  fillPassword,
  goHome,
  GOOD_PASSWORD,
  registerFully,
  signIn,
} from './harness/flows'
import { collectTraces } from './harness/traces'
import { checkScreen } from './harness/accessibility'

const test = testWithKiosk({
  config: { idle: { warnAfterSeconds: 45, graceSeconds: 25 } },
  fakeClock: true,
})

async function startRegistration(page: import('@playwright/test').Page, email: string) {
  await page.getByTestId('choice-create').click()
  await fillIdentity(page, { firstName: 'Rosalie', lastName: 'Thibodeau', email })
  await fillPassword(page, GOOD_PASSWORD)
  await acceptConsents(page)
}

test('the idle warning appears at the configured time and counts down the grace period', async ({
  page,
  kiosk,
}) => {
  await page.getByTestId('choice-create').click()
  await page.locator('#identity-firstName').fill('Rosalie')
  await page.clock.runFor(44_000)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.clock.runFor(2_000)
  await expect(page.getByRole('dialog')).toContainText('Êtes-vous toujours là?')
  await expect(page.getByTestId('idle-countdown')).toContainText(/dans 24\ss/)
  await expect(page.getByTestId('idle-stay')).toBeFocused()
  await screenshot(page, 'idle-dialog.fr-CA')
  await checkScreen(page, 'idle dialog', 'fr-CA')
  await page.getByTestId('idle-stay').click()
  await page.getByTestId('language-switch').click()
  await page.clock.runFor(46_000)
  await expect(page.getByRole('dialog')).toContainText('Are you still there?')
  await screenshot(page, 'idle-dialog.en-CA')
  await checkScreen(page, 'idle dialog', 'en-CA')
})

test('"I\'m still here" keeps everything', async ({ page, kiosk }) => {
  const email = uniqueEmail('stay')
  await startRegistration(page, email)
  await page.clock.runFor(50_000)
  await expect(page.getByTestId('idle-stay')).toBeVisible()
  await page.getByTestId('idle-stay').click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.locator('#register-password')).toHaveValue(GOOD_PASSWORD)
  await expect(page.locator('#accept-terms')).toBeChecked()
  await page.clock.runFor(30_000)
  await expect(page.locator('#register-password')).toHaveValue(GOOD_PASSWORD)
})

test('no answer wipes a registration in progress: nothing of the person remains anywhere', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('wipe')
  await service.invite(email)
  await startRegistration(page, email)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#register-code')).toBeVisible()
  const code = service.lastCode(email)
  await page.locator('#register-code').fill(code.slice(0, 3))
  expect(kiosk.core.state.person.registration).toBeDefined()
  const before = await collectTraces(page, kiosk)
  expect(before).toContain(email)

  await page.clock.runFor(46_000)
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.clock.runFor(26_000)
  await expect(page.locator('#welcome-title')).toBeVisible()
  const after = await collectTraces(page, kiosk)
  for (const trace of [
    email,
    email.split('@')[0]!,
    'Rosalie',
    'Thibodeau',
    GOOD_PASSWORD,
    code,
    code.slice(0, 3),
    '•••@',
  ]) {
    expect(after, `"${trace}" is still somewhere`).not.toContain(trace)
  }
  expect(kiosk.core.state.person).toEqual({})
})

test('after a signed-in session and an idle wipe, nothing remains and the service session is closed', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('signed')
  await service.invite(email, {
    document: { title: 'Maîtrise en histoire', issuedOn: '2026-05-01' },
  })
  await registerFully(page, service, { firstName: 'Anaïs', lastName: 'Bouchard', email })
  await page.getByTestId('done-sign-in').click()
  await signIn(page, email, GOOD_PASSWORD)
  await expect(page.getByTestId('documents')).toContainText('Maîtrise en histoire')
  expect(kiosk.core.state.person.sessionToken).toBeDefined()
  await page.evaluate(() => localStorage.setItem('probe', 'something a page could have left'))

  await page.clock.runFor(46_000 + 26_000)
  await expect(page.locator('#welcome-title')).toBeVisible()
  const after = await collectTraces(page, kiosk)
  for (const trace of [
    email,
    'Anaïs',
    'Bouchard',
    'Maîtrise en histoire',
    GOOD_PASSWORD,
    'probe',
  ]) {
    expect(after, `"${trace}" is still somewhere`).not.toContain(trace)
  }
  const open = service.sql<{ n: number }>(
    'SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL',
  )[0]
  expect(open?.n).toBe(0)
})

test('Home, with something typed and confirmed, wipes at once, in the kiosk default language', async ({
  page,
  kiosk,
  service,
}) => {
  const email = uniqueEmail('over')
  await page.getByTestId('language-switch').click()
  await startRegistration(page, email)
  await goHome(page)
  await expect(page.locator('#welcome-title')).toHaveText('Bienvenue')
  expect(await collectTraces(page, kiosk)).not.toContain(email)
})

test('a finished flow returns to Welcome after 20 s', async ({ page, kiosk, service }) => {
  const email = uniqueEmail('done')
  await service.invite(email)
  await startRegistration(page, email)
  await page.getByTestId('password-submit').click()
  await expect(page.locator('#register-code')).toBeVisible()
  await enterCode(page, 'register-code', service.lastCode(email), 'code-submit')
  await expect(page.locator('#done-title')).toBeVisible()
  await page.clock.runFor(19_000)
  await expect(page.locator('#done-title')).toBeVisible()
  await page.clock.runFor(2_000)
  await expect(page.locator('#welcome-title')).toBeVisible()
  expect(await collectTraces(page, kiosk)).not.toContain(email)
})
