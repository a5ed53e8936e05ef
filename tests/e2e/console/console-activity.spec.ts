import { readFileSync } from 'node:fs'
import { expect, test, uniqueEmail } from '../harness/fixtures'
import { enterCode, registerUntilCode } from '../harness/flows'
import { checkPage, locales, openConsole, signIn } from './console-page'

const funnelCell = (
  row: ReturnType<import('@playwright/test').Page['getByTestId']>,
  metric: string,
) => row.locator(`td[data-metric="${metric}"]`)

for (const locale of locales) {
  test.describe(`console activity (${locale})`, () => {
    test('a registrar sees the funnel of two real registrations, one finished and one abandoned, exports the same numbers, and is refused the fleet', async ({
      browser,
      page,
      kiosk,
      service,
    }) => {
      // Two people at the kiosk: one finishes, one gives up at the code step.
      const finished = { firstName: 'Alex', lastName: 'Roy', email: uniqueEmail('fini') }
      const abandoned = { firstName: 'Sam', lastName: 'Lee', email: uniqueEmail('abandon') }
      await service.invite(finished.email)
      await service.invite(abandoned.email)
      await registerUntilCode(page, finished)
      await enterCode(page, 'register-code', service.lastCode(finished.email), 'code-submit')
      await expect(page.getByTestId('done-sign-in')).toBeVisible()
      await kiosk.core.wiper.wipe('start_over')
      await expect(page.locator('#welcome-title')).toBeVisible()
      await registerUntilCode(page, abandoned)
      await kiosk.core.wiper.wipe('idle')
      await expect(page.locator('#welcome-title')).toBeVisible()

      const registrar = `registraire.${locale.toLowerCase()}@cegep.example.ca`
      await service.consoleAccount(registrar, 'registrar', 'Console-Flotte#2026!')
      const console_ = await openConsole(browser, service, locale)
      await signIn(console_, registrar)
      await expect(console_).toHaveURL(/\/console\/activity/)
      const total = console_.getByTestId('funnel-total')
      await expect(funnelCell(total, 'registrationsStarted')).toHaveText('2')
      await expect(funnelCell(total, 'codesSent')).toHaveText('2')
      await expect(funnelCell(total, 'accountsActivated')).toHaveText('1')
      await checkPage(console_, 'activity', locale)

      const [download] = await Promise.all([
        console_.waitForEvent('download'),
        console_.getByTestId('activity-export').click(),
      ])
      const [header, ...rows] = readFileSync((await download.path())!, 'utf8')
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')))
      const column = (name: string) => header!.indexOf(name)
      const sum = (name: string) => rows.reduce((n, row) => n + Number(row[column(name)]), 0)
      expect([sum('registrations_started'), sum('codes_sent'), sum('accounts_activated')]).toEqual([
        2, 2, 1,
      ])
      expect(rows.every((row) => row[column('device')] === 'device-1')).toBe(true)

      // Refused the fleet: not offered, not shown, and the API says no.
      await expect(console_.getByTestId('nav-fleet')).toHaveCount(0)
      await console_.goto(service.consoleUrl('fleet'))
      await expect(console_.getByTestId('forbidden')).toBeVisible()
      await checkPage(console_, 'forbidden', locale)
      const fleet = await console_.evaluate(async () => (await fetch('/v1/console/fleet')).status)
      expect(fleet).toBe(403)
    })
  })
}
