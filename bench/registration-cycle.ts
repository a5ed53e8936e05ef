import type { BenchKiosk } from './browser-kiosk'

/**
 * One person's whole visit: a registration through the kiosk (identity, password, the code from
 * the outbox, done) then Start over, which wipes. Each cycle is another person, a minute later on
 * main's clock (its human-speed limits).
 */
export async function registrationCycle({ page, kiosk, service }: BenchKiosk, n: number) {
  kiosk.mainClock.offsetMs += 60_000
  const email = `bench${n}.${Date.now()}@example.ca`
  await service.invite(email)
  await page.getByTestId('choice-create').click()
  await page.locator('#identity-firstName').fill('Banc')
  await page.locator('#identity-lastName').fill('Essai')
  await page.locator('#identity-email').fill(email)
  await page.getByTestId('identity-next').click()
  await page.getByTestId('confirm-yes').click()
  await page.locator('#register-password').fill('Rivière-Bleue#2026!')
  await page.locator('#register-confirm').fill('Rivière-Bleue#2026!')
  await page.locator('#accept-terms').check()
  await page.locator('#accept-privacy').check()
  await page.getByTestId('password-submit').click()
  await page.locator('#code-title').waitFor()
  await page.locator('#register-code').fill(service.lastCode(email))
  await page.getByTestId('code-submit').click()
  await page.getByTestId('done-sign-in').waitFor()
  // Home, and yes to erasing what was entered when the kiosk asks.
  await page.getByTestId('home').click()
  const yes = page.getByTestId('confirm-yes')
  await page.locator('#welcome-title').or(yes).waitFor()
  if (await yes.isVisible()) await yes.click()
  await page.locator('#welcome-title').waitFor()
}
