import { expect, screenshot, test } from './harness/fixtures'

test('Welcome is in French by default, with the five choices', async ({ page, kiosk }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue')
  for (const label of [
    'Créer mon compte',
    'Me connecter',
    'Vous ne pouvez vous connecter?',
    'J’ai un lien ou un code',
    'Des questions?',
  ]) {
    await expect(
      page.getByRole('button', { name: new RegExp(label.replace('?', '\\?')) }),
    ).toBeVisible()
  }
  await expect(page.getByText(kiosk.config.institution['fr-CA'].name)).toBeVisible()
  await screenshot(page, 'welcome.fr-CA')
})

test('switching to English changes every visible string', async ({ page, kiosk }) => {
  const french = await page.locator('body').innerText()
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome')
  const english = await page.locator('body').innerText()
  const frenchLines = new Set(
    french
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  )
  // Brand-neutral lines (the logo initials) may stay; every sentence must change.
  const unchanged = english
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 3 && frenchLines.has(line))
  expect(unchanged).toEqual([])
  await expect(page.getByText(kiosk.config.institution['en-CA'].name)).toBeVisible()
  await screenshot(page, 'welcome.en-CA')
})

test('app.info round-trips through the bridge, the router and the handler', async ({
  page,
  kiosk,
}) => {
  const info = await page.evaluate(() => window.kiosk.app.info())
  expect(info).toMatchObject({
    ok: true,
    data: { demo: true, defaultLocale: 'fr-CA', portalUrl: kiosk.config.portalUrl },
  })
})

test('the page cannot reach the network: the CSP blocks fetch', async ({
  page,
  kiosk,
  service,
}) => {
  expect(kiosk.config.serviceUrl).toBe(service.url())
  // A same-origin file too: only the policy (connect-src 'none') refuses that one, not CORS.
  for (const url of [`${service.url()}/v1/health`, '/index.html']) {
    const outcome = await page.evaluate(async (url) => {
      const violated = new Promise<string>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.effectiveDirective),
          { once: true },
        )
        setTimeout(() => resolve('no violation'), 5_000)
      })
      const fetched = await fetch(url).then(
        () => 'reached',
        () => 'blocked',
      )
      return { fetched, violated: await violated }
    }, url)
    expect(outcome, url).toEqual({ fetched: 'blocked', violated: 'connect-src' })
  }
})
