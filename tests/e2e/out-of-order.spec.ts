import { expect, test } from '@playwright/test'
import { resolve } from 'node:path'
import { serveAppRequest } from '@main/shell/app-protocol'
import { OUT_OF_ORDER_PAGE, OUT_OF_ORDER_REASONS } from '@main/shell/out-of-order'
import { expectNoAxeViolations } from './harness/accessibility'
import { HARNESS_ORIGIN, RENDERER_ROOT, SCREENSHOTS } from './harness/paths'

/**
 * The static "out of order" page as Electron's app:// handler serves it (the real
 * serveAppRequest on the built renderer), without a reason for IT and with each one main can give
 * (electron/main/shell/out-of-order.ts). Both languages are on the page.
 */
test.beforeEach(async ({ page }) => {
  await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url())
    const response = await serveAppRequest(`app://kiosk${url.pathname}${url.search}`, RENDERER_ROOT)
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
})

for (const reason of [undefined, ...Object.keys(OUT_OF_ORDER_REASONS)])
  test(`out of order${reason ? `, ${reason}` : ''}: both languages, accessible`, async ({
    page,
  }) => {
    await page.goto(`${HARNESS_ORIGIN}${OUT_OF_ORDER_PAGE}${reason ? `?reason=${reason}` : ''}`)
    await expect(page.locator('h1').first()).toHaveText('Borne hors service')
    await expect(page.locator('h1[lang="en-CA"]')).toHaveText('Kiosk out of order')
    await expect(page.getByText('For IT')).toHaveCount(reason ? 1 : 0)
    await expectNoAxeViolations(page, `out of order ${reason ?? ''}`)
    await page.screenshot({
      path: resolve(SCREENSHOTS, `out-of-order${reason ? `-${reason}` : ''}.png`),
      fullPage: true,
    })
  })
