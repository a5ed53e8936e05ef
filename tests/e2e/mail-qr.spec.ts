import type { Page } from '@playwright/test'
import { decodeMailQr } from '../fixtures/mail-qr'
import { expect, screenshot, test } from './harness/fixtures'
import { createActiveAccount, scanBurst } from './harness/flows'
import type { ReferenceService } from './harness/reference-service'

/**
 * The phone-to-kiosk handoff, for real: the mail the service sent is read from the outbox, its QR
 * image decoded by a QR reader (jsqr) as the kiosk's scanner would read it off the phone, and what
 * it reads is typed by the scanner (a keyboard wedge) on the kiosk's link screen.
 */
async function scanQrOfLastMail(page: Page, service: ReferenceService, email: string) {
  const html = service.outbox(email).at(-1)?.html ?? ''
  const read = decodeMailQr(html)
  expect(read).toMatch(/^https:\/\/mescertif\.example\.ca\/kiosk\/(invite|activate|reset)\//)
  await page.getByTestId('choice-link').click()
  await expect(page.getByTestId('phone-steps')).toBeVisible()
  await scanBurst(page, read)
}

test('invitation mail: its QR code opens the registration with the address locked', async ({
  page,
  kiosk,
  service,
  invited,
}) => {
  await scanQrOfLastMail(page, service, invited.email)
  await expect(page.locator('#identity-email')).toHaveValue(invited.email)
  await expect(page.locator('#identity-email')).toBeDisabled()
})

test('activation mail: its QR code activates the account', async ({
  page,
  service,
  onCodeStep: person,
}) => {
  await page.getByTestId('demo-mailbox-toggle').click()
  // Newest first: the mail with the code, above the invitation.
  await expect(page.locator('.mail__qr').first()).toBeVisible()
  await expect(page.locator('.mail__code').first()).toHaveText(service.lastCode(person.email))
  await screenshot(page, 'demo-mailbox-qr.fr-CA')
  await page.getByTestId('home').click()
  await page.getByTestId('confirm-yes').click()
  await scanQrOfLastMail(page, service, person.email)
  await expect(page.getByTestId('link-sign-in')).toBeVisible()
  expect(service.accountCount(person.email)).toBe(1)
  const [account] = service.sql<{ status: string }>(
    'SELECT status FROM accounts WHERE email = ?',
    person.email.toLowerCase(),
  )
  expect(account?.status).toBe('active')
})

test('reset mail: its QR code opens the new password step', async ({
  page,
  kiosk,
  service,
  invited,
}) => {
  await createActiveAccount(page, service, invited)
  const asked = await page.evaluate(
    (email) => window.kiosk.recovery.request({ email, locale: 'fr-CA' }),
    invited.email,
  )
  expect(asked.ok).toBe(true)
  expect(service.outbox(invited.email).at(-1)?.kind).toBe('recoveryReset')
  await scanQrOfLastMail(page, service, invited.email)
  await expect(page.locator('#recovery-password')).toBeVisible()
})
