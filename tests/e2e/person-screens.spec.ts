import type { Page, Request } from '@playwright/test'
import { expect, test as base } from './harness/fixtures'
import {
  acceptConsents,
  enterCode,
  fillIdentity,
  fillPassword,
  GOOD_PASSWORD,
  signIn,
} from './harness/flows'
import { screenshotPath } from './harness/kiosk-harness'

/**
 * What a person sees on three screens — Welcome, the registration's password step (empty, then
 * filled) and Signed-in — in both languages at three sizes, as pixel-exact screenshots in
 * `test-results/screenshots/person-screens/`. Two builds can then be compared pixel by pixel
 * (`npx tsx tools/compare-screens.ts <before> <after> [diffDir]`) to show that a change meant to be
 * invisible (lazy messages, components and styles, the router's history) changed nothing on them.
 *
 * Every screenshot must be the same from one run of a build to the next, so nothing in it may
 * depend on the run: the person is fixed (each test has its own fresh service, so one address
 * serves every test), so is their document and its date; the focus is taken off the page and the
 * pointer moved to a corner before each shot (no focus ring, no hover), animations are stopped and
 * the caret hidden; each shot waits for the fonts, the images and every lazily loaded chunk. None
 * of the three screens shows a clock, a code, a token or the service's port (the code step, which
 * shows the masked address and a resend countdown, is not photographed), so nothing is masked
 * (Playwright's `mask` would go on anything that came to vary): two runs of one build give
 * byte-identical files, the control that makes a difference between two builds mean something.
 */

const PERSON = {
  firstName: 'Camille',
  lastName: 'Tremblay',
  email: 'camille.tremblay@etudiant.example.ca',
} as const

const DOCUMENT = { title: 'Baccalauréat en sciences infirmières', issuedOn: '2026-06-12' } as const

const WORDS = {
  'fr-CA': { welcome: 'Bienvenue' },
  'en-CA': { welcome: 'Welcome' },
} as const

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const

/**
 * Resolves once no request of the page has been in flight for `quietMs`: the lazily loaded chunks
 * (messages, components, styles) are fetched after start, when the browser is idle.
 */
function trackRequests(page: Page) {
  const inFlight = new Set<Request>()
  let lastChange = Date.now()
  const started = (request: Request) => {
    inFlight.add(request)
    lastChange = Date.now()
  }
  const ended = (request: Request) => {
    if (inFlight.delete(request)) lastChange = Date.now()
  }
  page.on('request', started)
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  return async (quietMs = 300) => {
    await expect
      .poll(() => inFlight.size === 0 && Date.now() - lastChange >= quietMs, {
        message: 'every lazily loaded chunk arrived',
        intervals: [50],
      })
      .toBe(true)
  }
}

const requestTrackers = new WeakMap<Page, () => Promise<void>>()

/**
 * The harness's fixtures, the page watched from before the kiosk loads into it (the `kiosk`
 * fixture takes this `page`), so that no chunk fetched at start escapes `networkQuiet`.
 */
const test = base.extend<{ networkQuiet: () => Promise<void> }>({
  page: async ({ page }, use) => {
    requestTrackers.set(page, trackRequests(page))
    await use(page)
  },
  networkQuiet: async ({ page }, use) => {
    await use(requestTrackers.get(page)!)
  },
})

/** Two frames painted: whatever the last change was, it is on the screen. */
async function painted(page: Page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  )
}

/**
 * The screen as a person would see it once everything has arrived, without anything left over
 * from how the test got there (focus, hover): fonts, images and lazy chunks loaded, focus off the
 * page, the pointer in the top-left corner. The kiosk's layout is one screen high and only its
 * content region (`#main`) scrolls, so a full-page shot is the viewport: where that region
 * scrolls, a second shot (`<screen>-end`) shows it scrolled to its end, so nothing below the fold
 * goes unseen; then the scroll is put back.
 */
async function shoot(page: Page, networkQuiet: () => Promise<void>, screen: string, at: string) {
  await networkQuiet()
  await page.evaluate(async () => {
    await document.fonts.ready
    await Promise.all(
      [...document.images].map((image) =>
        image.complete ? undefined : new Promise((done) => image.addEventListener('load', done)),
      ),
    )
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
  })
  await page.mouse.move(0, 0)
  await painted(page)
  const options = { fullPage: true, animations: 'disabled', caret: 'hide' } as const
  await page.screenshot({ path: screenshotPath(`person-screens/${screen}.${at}`), ...options })

  const main = page.locator('#main')
  if (await main.evaluate((region) => region.scrollHeight > region.clientHeight + 1)) {
    const scrollTop = await main.evaluate((region) => {
      const before = region.scrollTop
      region.scrollTo({ top: region.scrollHeight, behavior: 'instant' })
      return before
    })
    await painted(page)
    await page.screenshot({
      path: screenshotPath(`person-screens/${screen}-end.${at}`),
      ...options,
    })
    await main.evaluate((region, top) => region.scrollTo({ top, behavior: 'instant' }), scrollTop)
    await painted(page)
  }
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`
  test.describe(`at ${size}`, () => {
    test.use({ viewport })

    for (const locale of ['fr-CA', 'en-CA'] as const) {
      test(`Welcome, Password and Signed-in as a person sees them, ${locale} at ${size}`, async ({
        page,
        kiosk,
        service,
        networkQuiet,
      }) => {
        await service.invite(PERSON.email, { document: DOCUMENT })
        expect(page.viewportSize()).toEqual(viewport)

        // Welcome.
        if (locale === 'en-CA') await page.getByTestId('language-switch').click()
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[locale].welcome)
        await expect(page.getByText(kiosk.config.institution[locale].name)).toBeVisible()
        expect(await page.evaluate(async () => (await document.fonts.ready).status)).toBe('loaded')
        await shoot(page, networkQuiet, 'welcome', `${locale}.${size}`)

        // Registration up to the password step.
        await page.getByTestId('choice-create').click()
        await expect(page.locator('#identity-title')).toBeFocused()
        await fillIdentity(page, PERSON)
        await expect(page.locator('#password-title')).toBeFocused()
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
        await expect(page.locator('#register-password')).toHaveValue('')
        await expect(page.locator('[data-rule][data-met="true"]')).toHaveCount(0)
        await expect(page.locator('#accept-terms')).not.toBeChecked()
        await shoot(page, networkQuiet, 'password-empty', `${locale}.${size}`)

        await fillPassword(page, GOOD_PASSWORD)
        await acceptConsents(page)
        await expect(page.locator('[data-rule][data-met="true"]')).toHaveCount(4)
        await expect(page.locator('[data-rule][data-met="false"]')).toHaveCount(0)
        await expect(page.locator('#accept-terms')).toBeChecked()
        await expect(page.locator('#accept-privacy')).toBeChecked()
        await shoot(page, networkQuiet, 'password-filled', `${locale}.${size}`)

        // Code, Done, sign in.
        await page.getByTestId('password-submit').click()
        await expect(page.locator('#code-title')).toBeFocused()
        await enterCode(page, 'register-code', service.lastCode(PERSON.email), 'code-submit')
        await expect(page.locator('#done-title')).toBeFocused()
        await page.getByTestId('done-sign-in').click()
        await expect(page.locator('#sign-in-email')).toHaveValue(PERSON.email)
        await signIn(page, PERSON.email, GOOD_PASSWORD)

        // Signed in.
        await expect(page.locator('#signed-in-title')).toBeFocused()
        await expect(page.locator('#signed-in-title')).toContainText(PERSON.firstName)
        await expect(page.getByTestId('documents')).toContainText(DOCUMENT.title)
        await expect(page.locator('img.qr')).toBeVisible()
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
        await shoot(page, networkQuiet, 'signed-in', `${locale}.${size}`)
        expect(service.accountCount(PERSON.email)).toBe(1)
      })
    }
  })
}
