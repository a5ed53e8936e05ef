import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { registrationBody } from '../../fixtures/registration-body'
import { expect, test, uniqueEmail } from '../harness/fixtures'
import { SCREENSHOTS } from '../harness/paths'
import { DEVICE_TOKEN } from '../harness/reference-service'
import {
  CONSOLE_PASSWORD,
  checkPage,
  locales,
  openConsole,
  signIn,
  sizes,
  type Size,
} from './console-page'

const noTimer = () => () => undefined

/**
 * WCAG 1.4.10 at 200 % on a 1366-pixel screen (683 CSS pixels): the page itself never scrolls
 * sideways; only a wide table scrolls, inside its own labelled region.
 */
async function reflowsAt200(page: Page, name: string, locale: string) {
  const viewport = page.viewportSize()!
  await page.setViewportSize({ width: 683, height: 384 })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${name} (${locale}) scrolls sideways at 200 %`).toBeLessThanOrEqual(0)
  const path = resolve(SCREENSHOTS, 'console', 'zoom-200', locale, `${name}.png`)
  mkdirSync(dirname(path), { recursive: true })
  await page.screenshot({ path, fullPage: true })
  await page.setViewportSize(viewport)
}

for (const locale of locales)
  for (const size of Object.keys(sizes) as Size[])
    test(`every console page (${locale}, ${size}): axe 0, screenshots, reflow at 200 %`, async ({
      browser,
      kiosk,
      service,
    }) => {
      const itEmail = 'ti.ecrans@cegep.example.ca'
      await service.consoleAccount(itEmail, 'it', CONSOLE_PASSWORD, {
        alerts: true,
        name: 'Dominique Tremblay',
      })
      await service.consoleAccount('registraire@cegep.example.ca', 'registrar', CONSOLE_PASSWORD, {
        name: 'Camille Gagnon',
      })
      await service.addStaff('guichet.lise@cegep.example.ca', 'Lise Roy')
      kiosk.core.heartbeat.start(noTimer)
      await kiosk.core.heartbeat.settled()
      for (const email of [uniqueEmail('a'), uniqueEmail('b'), 'pas.invite@example.ca']) {
        if (!email.startsWith('pas')) await service.invite(email)
        await fetch(`${service.url()}/v1/registrations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${DEVICE_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(registrationBody(email)),
        })
      }

      const page = await openConsole(browser, service, locale, size)
      await page.clock.install()
      await page.reload()
      await checkPage(page, 'sign-in', locale, size)
      await reflowsAt200(page, 'sign-in', locale)
      await page
        .getByRole('link', { name: locale === 'fr-CA' ? /Première fois/ : /First time/ })
        .click()
      await expect(page).toHaveURL(/\/console\/enrol$/)
      await checkPage(page, 'enrol', locale, size)
      await page.goBack()
      // A wrong password first: the audit says why that sign-in was refused.
      await page.locator('#email').fill(itEmail)
      await page.locator('#password').fill(`${CONSOLE_PASSWORD}x`)
      await page.getByTestId('sign-in').click()
      await expect(page.getByTestId('sign-in-error')).not.toBeEmpty()
      await signIn(page, itEmail)

      await expect(page.getByTestId('device-device-1').locator('.badge-ok')).toBeVisible()
      await checkPage(page, 'fleet', locale, size)
      await reflowsAt200(page, 'fleet', locale)
      await page.getByTestId('add-device').click()
      await page.locator('#device-name').fill('Hall A')
      await page.getByTestId('add-device-submit').click()
      await expect(page.locator('#device-name-error')).not.toBeEmpty()
      await checkPage(page, 'fleet-add-device-error', locale, size)
      await page.locator('#device-name').fill('hall-a-2')
      await page.getByTestId('add-device-submit').click()
      await expect(page.locator('dialog[open]').getByTestId('secret')).toHaveText(/^[\w-]{43}$/)
      await checkPage(page, 'fleet-device-token', locale, size)
      await page.locator('dialog[open]').getByTestId('shown-once-close').click()
      await expect(page.getByTestId('device-hall-a-2').locator('.badge-never_seen')).toBeVisible()

      await page.getByTestId('nav-activity').click()
      await expect(page.getByTestId('funnel-total')).toBeVisible()
      await checkPage(page, 'activity', locale, size)
      await reflowsAt200(page, 'activity', locale)

      await page.getByTestId('nav-audit').click()
      await expect(page.getByTestId('audit-total')).toBeVisible()
      await expect(page.locator('tbody')).toContainText(
        locale === 'fr-CA' ? 'Adresse ou mot de passe erronés' : 'Wrong address or password',
      )
      await checkPage(page, 'audit', locale, size)
      await reflowsAt200(page, 'audit', locale)

      await page.getByTestId('nav-people').click()
      await expect(page.getByTestId('staff-table')).toContainText('guichet.lise@cegep.example.ca')
      await checkPage(page, 'accounts', locale, size)
      await reflowsAt200(page, 'accounts', locale)
      await page.locator('#staff-email').fill('guichet.noa@cegep.example.ca')
      await page.locator('#staff-name').fill('Noa Bouchard')
      await page.getByTestId('staff-add').click()
      await page.locator('dialog[open]').getByTestId('confirm').click()
      const open = page.locator('dialog[open]')
      await expect(open.getByTestId('secret')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
      await checkPage(page, 'accounts-enrolment-code', locale, size)
      await open.getByTestId('shown-once-close').click()

      await page.getByTestId('nav-account').click()
      await expect(page.locator('#alerts')).toBeChecked()
      await checkPage(page, 'my-account', locale, size)
      await reflowsAt200(page, 'my-account', locale)

      // A minute before the idle limit: the warning, and one button to stay.
      await page.clock.fastForward('14:05')
      await expect(page.getByTestId('idle-warning')).toBeVisible()
      await checkPage(page, 'idle-warning', locale, size)
      await page.getByTestId('idle-stay').click()
      await expect(page.getByTestId('idle-warning')).toBeHidden()
    })
