import type { Page } from '@playwright/test'
import { expect, screenshot, test, testWithKiosk } from './harness/fixtures'
import { goHome } from './harness/flows'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'

async function typePin(page: Page, pin: string) {
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).click()
  await page.getByTestId('pin-unlock').click()
}

// The page's clock, paused: the press lasts exactly as long as the test says, however busy the machine.
testWithKiosk({ fakeClock: true })(
  'a 3-second press on the logo opens the PIN pad; a tap or a shorter press does not',
  async ({ page, kiosk }) => {
    await page.clock.pauseAt(Date.now() + 1000)
    const logo = page.getByTestId('logo')
    await logo.click()
    await page.clock.runFor(5000)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    const box = (await logo.boundingBox())!
    await page.mouse.move(box.x + 10, box.y + 10)
    await page.mouse.down()
    await page.clock.runFor(2900)
    await page.mouse.up()
    await page.clock.runFor(5000)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await page.mouse.down()
    await page.clock.runFor(3000)
    await expect(page.getByRole('dialog')).toContainText('Accès du personnel')
    await page.mouse.up()
    await screenshot(page, 'staff-pin.fr-CA')
  },
)

test('the right PIN opens the panel with health, kiosk id, version, config source and keychain', async ({
  page,
  kiosk,
}) => {
  kiosk.emit({ type: 'staffRequested' })
  await typePin(page, HARNESS_STAFF_PIN)
  const status = page.getByTestId('staff-status')
  await expect(status).toContainText('Joignable (version 1.0.0)')
  await expect(status).toContainText(kiosk.config.kioskId)
  await expect(status).toContainText('0.0.0-harness')
  await expect(status).toContainText('/etc/mescertif-kiosk/config.json')
  await expect(status).toContainText('Non utilisé en démonstration')
  await screenshot(page, 'staff-panel.fr-CA')
})

test('the staff panel in English', async ({ page, kiosk }) => {
  await page.getByTestId('language-switch').click()
  kiosk.emit({ type: 'staffRequested' })
  await expect(page.getByRole('dialog')).toContainText('Staff access')
  await screenshot(page, 'staff-pin.en-CA')
  await typePin(page, HARNESS_STAFF_PIN)
  await expect(page.getByTestId('staff-health')).toContainText('Reachable')
  await screenshot(page, 'staff-panel.en-CA')
})

test('5 wrong PINs lock staff mode for 5 minutes, even for the right PIN', async ({
  page,
  kiosk,
}) => {
  kiosk.emit({ type: 'staffRequested' })
  // Main takes PINs at a person's pace (`ipc/human-speed.ts`): each try moves its clock on.
  const tryPin = async (pin: string) => {
    kiosk.mainClock.offsetMs += 6_000
    await typePin(page, pin)
  }
  for (const left of [4, 3, 2, 1]) {
    await tryPin('000000')
    await expect(page.getByRole('alert')).toContainText(`Il reste ${left} essai`)
  }
  await tryPin('000000')
  await expect(page.getByRole('alert')).toContainText(/Réessayez dans 5\smin/)
  await tryPin(HARNESS_STAFF_PIN)
  await expect(page.getByRole('alert')).toContainText('Trop de NIP erronés')
  await screenshot(page, 'staff-locked.fr-CA')
  kiosk.mainClock.offsetMs += 5 * 60_000
  await typePin(page, HARNESS_STAFF_PIN)
  await expect(page.getByTestId('staff-status')).toBeVisible()
})

test('staff actions need an open staff session, which closes after 60 s idle', async ({
  page,
  kiosk,
}) => {
  expect(await page.evaluate(() => window.kiosk.staff.resetKiosk())).toEqual({
    ok: false,
    error: { code: 'staff_required' },
  })
  kiosk.emit({ type: 'staffRequested' })
  await typePin(page, HARNESS_STAFF_PIN)
  await expect(page.getByTestId('staff-status')).toBeVisible()
  kiosk.mainClock.offsetMs += 61_000
  expect(await page.evaluate(() => window.kiosk.staff.status())).toEqual({
    ok: false,
    error: { code: 'staff_required' },
  })
})

test('resend: the service sends the right email for the address', async ({
  page,
  kiosk,
  service,
  onCodeStep: { email },
}) => {
  await goHome(page)
  service.clock.offsetMs += 61_000
  kiosk.emit({ type: 'staffRequested' })
  await typePin(page, HARNESS_STAFF_PIN)
  await page.locator('#staff-email').fill(email)
  await page.locator('#staff-email-locale').selectOption('en-CA')
  await page.getByTestId('staff-resend').click()
  await expect(page.getByRole('alert')).toContainText('Demande envoyée')
  expect(service.outbox(email).at(-1)?.subject).toBe('Activate your MyCreds account')
})

test('default language, reset now and quit', async ({ page, kiosk }) => {
  kiosk.emit({ type: 'staffRequested' })
  await typePin(page, HARNESS_STAFF_PIN)
  await page.getByTestId('staff-default-locale').selectOption('en-CA')
  await expect(page.getByRole('alert')).toContainText('Default language changed')
  await page.getByTestId('staff-reset').click()
  await expect(page.locator('#welcome-title')).toHaveText('Welcome')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  kiosk.emit({ type: 'staffRequested' })
  await typePin(page, HARNESS_STAFF_PIN)
  await page.getByTestId('staff-quit').click()
  await page.getByTestId('confirm-yes').click()
  await expect.poll(() => kiosk.quits.length).toBe(1)
})
