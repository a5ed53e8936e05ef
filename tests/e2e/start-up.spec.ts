import { INTERACTIVE_MARK } from '@renderer/start-up'
import { expect, test } from './harness/fixtures'
import { HARNESS_ORIGIN } from './harness/paths'

const scriptName = (url: string) =>
  new URL(url).pathname.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, '')

/**
 * How the kiosk starts, as docs/performance.md describes it: what Welcome waits for from main is
 * asked as the preload runs, and the session comes in one request (with the bundler's small
 * runtime, asked beside it), not in rounds of shared chunks.
 */
test('main is asked what Welcome needs before the page’s own script has arrived', async ({
  page,
  kiosk,
}) => {
  const before = kiosk.invoked.length
  // The app's script is held until main has been asked: without the preload's early question,
  // nothing would ask, and the page would never show.
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await expect.poll(() => kiosk.invoked.slice(before)).toContain('app.info')
    await route.fallback()
  })
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  await expect(page.locator('#welcome-title')).toBeVisible()
  await expect.poll(() => kiosk.invoked.slice(before)).toContain('app.ready')
  // The page's own call took the early answer: main was asked once.
  expect(kiosk.invoked.slice(before).filter((channel) => channel === 'app.info')).toHaveLength(1)
})

test('the session arrives in one request, beside the runtime it needs', async ({ page, kiosk }) => {
  const readyCalls = () => kiosk.invoked.filter((channel) => channel === 'app.ready').length
  const before = readyCalls()
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  await expect.poll(readyCalls).toBeGreaterThan(before)
  // What the page asked for before start-up ended, on its own clock (this document's only).
  const scripts = await page.evaluate((mark) => {
    const end = performance.getEntriesByName(mark)[0]?.startTime ?? Infinity
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js') && entry.startTime < end)
      .map((entry) => entry.name)
  }, INTERACTIVE_MARK)
  // Every other screen's routes are asked for by the session as it sets up; they may or may not
  // be on their way by the time it is ready, and nothing waits for them.
  expect(
    scripts
      .map(scriptName)
      .filter((name) => name !== 'routes')
      .sort(),
  ).toEqual(['index', 'kiosk-session', 'rolldown-runtime'])
})

/**
 * A Content-Security-Policy <meta> makes Blink drop every preload its scanner found in the page, so
 * the start chunk would wait for the parser (6.7 ms later here, docs/performance.md). The policy
 * comes as the app:// header instead, and the page is held to it.
 */
test('the policy is the header, not a <meta>, and the page is held to it', async ({
  page,
  kiosk,
}) => {
  expect(kiosk.invoked).toContain('app.ready')
  await expect(page.locator('meta[http-equiv="Content-Security-Policy" i]')).toHaveCount(0)
  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) =>
          resolve(event.effectiveDirective),
        )
        const script = document.createElement('script')
        script.textContent = 'window.__ranInline = true'
        document.head.append(script)
      }),
  )
  expect(violated).toBe('script-src-elem')
  expect(await page.evaluate(() => 'ranInline' in window || '__ranInline' in window)).toBe(false)
})
