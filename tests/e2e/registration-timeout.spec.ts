import { test as base } from '@playwright/test'
import { resolve } from 'node:path'
import { expect, screenshot, uniqueEmail } from './harness/fixtures'
import { acceptConsents, fillIdentity, fillPassword, GOOD_PASSWORD } from './harness/flows'
import { startKiosk } from './harness/kiosk-harness'
import { RESULTS } from './harness/paths'
import { startReferenceService } from './harness/reference-service'
import { startSlowProxy } from './harness/slow-proxy'

base(
  'a registration retried after a timeout creates exactly one account and one email',
  async ({ page }, testInfo) => {
    // A cheap password hash keeps the timing about the proxy, not about a busy CPU.
    const service = await startReferenceService({ scryptCost: 2 ** 12 })
    const proxy = await startSlowProxy(() => service.url())
    try {
      await startKiosk(page, service, {
        logFile: resolve(RESULTS, 'kiosk-logs', `${testInfo.testId}.log`),
        serviceUrl: proxy.url,
        clientTimeoutMs: 1500,
      })
      const email = uniqueEmail()
      await service.invite(email)
      await page.getByTestId('choice-create').click()
      await fillIdentity(page, { firstName: 'Olivier', lastName: 'Lavoie', email })
      await fillPassword(page, GOOD_PASSWORD)
      await acceptConsents(page)
      // The first attempt reaches the service only after the client has given up on it and its
      // retry has been answered.
      const firstAttempt = proxy.holdNext('POST', /^\/v1\/registrations$/)
      await page.getByTestId('password-submit').click()
      await expect(page.locator('#register-code')).toBeVisible({ timeout: 15_000 })
      expect(proxy.seen.filter((line) => line === 'POST /v1/registrations').length).toBeGreaterThan(
        1,
      )
      await firstAttempt.release()
      expect(service.accountCount(email)).toBe(1)
      expect(service.outbox(email).filter((mail) => /code/i.test(mail.subject))).toHaveLength(1)
      await screenshot(page, 'register-code-after-timeout.fr-CA')
    } finally {
      await proxy.close()
      await service.stop()
    }
  },
)
