import { createEventLog } from '@main/event-log'
import { expect, test } from '../harness/fixtures'
import { watchRendererLikeElectron } from '../harness/renderer-crashes'
import { CONSOLE_PASSWORD, checkPage, locales, openConsole, signIn } from './console-page'

/** The heartbeat's minute timer, left to the test (as in fleet.spec.ts). */
const noTimer = () => () => undefined

for (const locale of locales) {
  test.describe(`console fleet (${locale})`, () => {
    test('IT sees a kiosk turn stale then crash-looping, gets the alert mails, and disables it', async ({
      browser,
      kiosk,
      service,
    }) => {
      const itEmail = `ti.${locale}@cegep.example.ca`
      await service.consoleAccount(itEmail, 'it', 'Console-Flotte#2026!', { alerts: true })
      const page = await openConsole(browser, service, locale)
      await checkPage(page, 'sign-in', locale)
      await signIn(page, itEmail)
      await expect(page).toHaveURL(/\/console\/fleet$/)

      kiosk.core.heartbeat.start(noTimer)
      await kiosk.core.heartbeat.settled()
      const row = page.getByTestId('device-device-1')
      await expect(row.locator('.badge-ok')).toBeVisible()
      await expect(page.getByTestId('fleet-live')).toContainText(
        locale === 'fr-CA' ? 'En direct' : 'Live',
      )
      await checkPage(page, 'fleet', locale)

      // Five minutes without a beat: stale, pushed to the page by the service, and mailed.
      kiosk.core.heartbeat.stop()
      service.clock.offsetMs += 5 * 60_000
      await expect(row.locator('.badge-stale')).toBeVisible()

      // Three renderer crashes, each followed by a real beat: back (one crash is not a loop), then
      // crash-looping.
      const renderers = watchRendererLikeElectron(kiosk, createEventLog({ write: () => undefined }))
      for (let crash = 1; crash <= 3; crash++) {
        await renderers.crashAndRecover()
        await kiosk.core.wiper.settled()
        await kiosk.core.heartbeat.settled()
      }
      await expect(row.locator('.badge-crash_looping')).toBeVisible()
      await checkPage(page, 'fleet-crash-looping', locale)

      await expect
        .poll(() => service.outbox(itEmail).map((mail) => mail.subject))
        .toEqual(
          locale === 'fr-CA'
            ? [
                'Borne device-1\u00a0: silencieuse (aucun signal depuis 5\u00a0minutes)',
                'Borne device-1\u00a0: de nouveau en service',
                'Borne device-1\u00a0: en boucle de plantages',
              ]
            : [
                'Kiosk device-1: silent (no heartbeat for 5 minutes)',
                'Kiosk device-1: working again',
                'Kiosk device-1: crash-looping',
              ],
        )

      // Disable it, confirmed: its next request is refused.
      await page.getByTestId('disable-device-1').click()
      await expect(page.getByTestId('confirm-dialog')).toBeVisible()
      await checkPage(page, 'fleet-confirm-disable', locale)
      await page.getByTestId('confirm').click()
      await expect(row.locator('.badge-disabled')).toBeVisible()
      const heartbeat = {
        kioskId: 'demo-kiosk',
        version: '0.0.0-harness',
        mode: 'kiosk',
        configSource: 'demo',
        configValid: true,
        keychain: 'not_used_in_demo',
        uptimeSeconds: 1,
        crashesLastHour: 0,
        serviceReachable: true,
        missedLastHour: 0,
      } as const
      const refused = await kiosk.core.client.heartbeat(heartbeat)
      expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_device' } })
      expect(
        (await service.audit()).map((entry) => [entry.action, entry.target, entry.result]),
      ).toContainEqual(['device_disable', 'device-1', 'ok'])

      // Back in service with a new token, shown once: never seen until it beats with it.
      await page.getByTestId('token-device-1').click()
      await expect(page.getByTestId('confirm-dialog')).toContainText(
        locale === 'fr-CA' ? 'Remettre device-1 en service' : 'Put device-1 back in service',
      )
      await checkPage(page, 'fleet-confirm-token', locale)
      await page.getByTestId('confirm').click()
      const shown = page.locator('dialog[open]')
      await expect(shown.getByTestId('secret')).toHaveText(/^[\w-]{43}$/)
      const token = (await shown.getByTestId('secret').textContent())!
      await checkPage(page, 'fleet-new-token', locale)
      await shown.getByTestId('shown-once-close').click()
      await expect(page.getByTestId('token-device-1')).toBeFocused()
      await expect(row.locator('.badge-never_seen')).toBeVisible()
      const beat = await fetch(`${service.url()}/v1/devices/heartbeat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...heartbeat, uptimeSeconds: 2 }),
      })
      expect(beat.ok).toBe(true)
      await expect(row.locator('.badge-ok')).toBeVisible()
      expect(await kiosk.core.client.heartbeat(heartbeat)).toMatchObject({
        ok: false,
        error: { code: 'unknown_device' },
      })

      // The audit says, in the reader's language, that the new token put it back in service.
      await page.getByTestId('nav-audit').click()
      await expect(page.getByTestId('audit-total')).toBeVisible()
      const tokenRow = page
        .locator('tbody tr')
        .filter({ hasText: locale === 'fr-CA' ? "Nouveau jeton d'appareil" : 'New device token' })
      await expect(tokenRow).toContainText(
        locale === 'fr-CA' ? 'device-1 → remise en service' : 'device-1 → back in service',
      )
      await checkPage(page, 'audit-device-back', locale)
    })

    test('a request without the CSRF token is refused, and an idle session ends', async ({
      browser,
      service,
    }) => {
      const itEmail = `ti.csrf.${locale}@cegep.example.ca`
      await service.consoleAccount(itEmail, 'it', 'Console-Flotte#2026!')
      const page = await openConsole(browser, service, locale)
      await signIn(page, itEmail)
      const status = (headers: Record<string, string>) =>
        page.evaluate(
          async (headers) =>
            (
              await fetch('/v1/console/devices', {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...headers },
                body: JSON.stringify({ name: 'hall-z-9', role: 'public' }),
              })
            ).status,
          headers,
        )
      expect(await status({})).toBe(403)
      expect(await status({ 'x-csrf-token': 'forged' })).toBe(403)
      expect(await service.devicesTable()).not.toContain('hall-z-9')

      // 15 minutes without the person: the live stream says the session ended.
      await expect(page.getByTestId('fleet-live')).toHaveText(/live|direct/i)
      service.clock.offsetMs += 15 * 60_000
      await expect(page).toHaveURL(/\/console\/sign-in$/)
      await expect(page.getByTestId('session-ended')).toBeVisible()
      await checkPage(page, 'sign-in-session-ended', locale)
      const answer = await page.evaluate(async () => (await fetch('/v1/console/session')).status)
      expect(answer).toBe(401)
    })
  })
}

test('a live stream refused once the session has ended (its reconnection answered 401) goes to sign-in at once, not at the next 30 s poll', async ({
  browser,
  service,
}) => {
  await service.consoleAccount('ti.flux@cegep.example.ca', 'it', CONSOLE_PASSWORD)
  const page = await openConsole(browser, service, 'en-CA')
  // The stream's request is held, as a slow proxy would, until the session has ended.
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/v1/console/fleet/events', async (route) => {
    await released
    await route.fulfill({ status: 401, body: '' })
  })
  const fleetShown = page.waitForResponse(
    (answer) => new URL(answer.url()).pathname === '/v1/console/fleet' && answer.status() === 200,
  )
  await signIn(page, 'ti.flux@cegep.example.ca')
  await fleetShown
  service.clock.offsetMs += 15 * 60_000
  release()
  await expect(page).toHaveURL(/\/console\/sign-in$/, { timeout: 10_000 })
  await expect(page.getByTestId('session-ended')).toBeVisible()
})

test('by keyboard alone: sign in, reach a device action, confirm dialog opens on Cancel and Escape gives focus back', async ({
  browser,
  service,
}) => {
  await service.consoleAccount('ti.clavier@cegep.example.ca', 'it', 'Console-Flotte#2026!')
  const page = await openConsole(browser, service, 'en-CA')
  await page.locator('#email').focus()
  await page.keyboard.type('ti.clavier@cegep.example.ca')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Console-Flotte#2026!')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/console\/fleet$/)
  const disable = page.getByTestId('disable-device-1')
  for (let presses = 0; presses < 60; presses++) {
    if (await disable.evaluate((element) => element === document.activeElement)) break
    await page.keyboard.press('Tab')
  }
  await expect(disable).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('confirm-dialog')).toBeVisible()
  await expect(page.getByTestId('cancel')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('confirm-dialog')).toBeHidden()
  await expect(disable).toBeFocused()
  expect(await service.devicesTable()).not.toMatch(/device-1 .*disabled/)
})
