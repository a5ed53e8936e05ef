import type { Page } from '@playwright/test'
import {
  checkDisplayModes,
  expectControlsLow,
  expectNoViolationsAt7To1,
  reflowProblems,
  showMode,
} from './harness/display-modes'
import { expect, testWithKiosk } from './harness/fixtures'
import { createActiveAccount, enterCode, GOOD_PASSWORD, signIn } from './harness/flows'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'

/**
 * Every screen and dialog, in both languages, in each display mode a person can choose
 * (docs/accessibility.md): large text (axe, 44 px, reflow at the four kiosk sizes), high contrast
 * (axe, 44 px, 7:1) and the lowered layout (primary actions low); a screenshot of each. The clock
 * stands still, so a finished screen does not go back to Welcome in the middle of the checks.
 */
const test = testWithKiosk({ fakeClock: true })
async function inLocale(page: Page, locale: string) {
  if (locale === 'en-CA') await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

const wrongCode = (good: string) => (good === '000000' ? '111111' : '000000')

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test.describe(`display modes — ${locale}`, () => {
    test('Welcome, Questions, staff PIN pad and staff panel', async ({ page, kiosk }) => {
      await inLocale(page, locale)
      await checkDisplayModes(page, 'welcome', locale)
      await page.getByTestId('choice-questions').click()
      await expect(page.getByTestId('contact')).toBeVisible()
      await checkDisplayModes(page, 'questions', locale)
      kiosk.emit({ type: 'staffRequested' })
      await expect(page.getByTestId('pin-unlock')).toBeVisible()
      await checkDisplayModes(page, 'staff PIN pad', locale)
      for (const digit of HARNESS_STAFF_PIN) await page.getByTestId(`pin-${digit}`).click()
      await page.getByTestId('pin-unlock').click()
      await expect(page.getByTestId('staff-status')).toBeVisible()
      await checkDisplayModes(page, 'staff panel', locale)
    })

    test('identity step, its errors and the address confirmation', async ({
      page,
      kiosk,
      invited,
    }) => {
      await inLocale(page, locale)
      await page.getByTestId('choice-create').click()
      await checkDisplayModes(page, 'identity', locale)
      await page.getByTestId('identity-next').click()
      await expect(page.locator('#identity-firstName-error')).toBeVisible()
      await checkDisplayModes(page, 'identity with errors', locale)
      await page.locator('#identity-firstName').fill(invited.firstName)
      await page.locator('#identity-lastName').fill(invited.lastName)
      await page.locator('#identity-email').fill(invited.email)
      await page.getByTestId('identity-next').click()
      await expect(page.getByTestId('confirm-emphasis')).toBeVisible()
      await checkDisplayModes(page, 'confirm address dialog', locale)
    })

    test('password step, its errors and the terms', async ({ page, onPasswordStep }) => {
      await inLocale(page, locale)
      await checkDisplayModes(page, 'password', locale)
      await page.getByTestId('password-submit').click()
      await expect(page.locator('#register-password-error')).toBeVisible()
      await checkDisplayModes(page, 'password with errors', locale)
      await page.getByTestId('read-terms').click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await checkDisplayModes(page, 'terms dialog', locale)
    })

    test('code step, a wrong code and the demo mailbox', async ({
      page,
      service,
      onCodeStep: person,
    }) => {
      await inLocale(page, locale)
      await checkDisplayModes(page, 'code', locale)
      await enterCode(
        page,
        'register-code',
        wrongCode(service.lastCode(person.email)),
        'code-submit',
      )
      await expect(page.locator('#register-code-error')).toBeVisible()
      await checkDisplayModes(page, 'code with error', locale)
      await page.getByTestId('demo-mailbox-toggle').click()
      await expect(page.getByTestId('demo-mailbox')).toBeVisible()
      await checkDisplayModes(page, 'demo mailbox', locale)
    })

    test('done, sign in and signed in', async ({ page, service, onCodeStep: person }) => {
      await inLocale(page, locale)
      await enterCode(page, 'register-code', service.lastCode(person.email), 'code-submit')
      await expect(page.locator('#done-title')).toBeFocused()
      await checkDisplayModes(page, 'done', locale)
      await page.getByTestId('done-sign-in').click()
      await checkDisplayModes(page, 'sign in', locale)
      await signIn(page, person.email, GOOD_PASSWORD)
      await expect(page.locator('#signed-in-title')).toBeFocused()
      await checkDisplayModes(page, 'signed in', locale)
    })

    test('recovery: email, code, new password, done', async ({ page, kiosk, service, invited }) => {
      await createActiveAccount(page, service, invited)
      await inLocale(page, locale)
      await page.getByTestId('choice-recovery').click()
      await checkDisplayModes(page, 'recovery email', locale)
      await page.locator('#recovery-email').fill(invited.email)
      await page.getByTestId('recovery-submit').click()
      await expect(page.getByTestId('recovery-sent')).toBeVisible()
      await checkDisplayModes(page, 'recovery code', locale)
      await enterCode(
        page,
        'recovery-code',
        service.lastCode(invited.email),
        'recovery-code-submit',
      )
      await expect(page.locator('#recovery-password')).toBeVisible()
      await checkDisplayModes(page, 'new password', locale)
      await page.locator('#recovery-password').fill('Saint-Laurent~1534!')
      await page.locator('#recovery-confirm').fill('Saint-Laurent~1534!')
      await page.getByTestId('new-password-submit').click()
      await expect(page.locator('#recovery-done-title')).toBeVisible()
      await checkDisplayModes(page, 'recovery done', locale)
    })

    test('link entry, its error and a link the service does not know', async ({ page, kiosk }) => {
      await inLocale(page, locale)
      await page.getByTestId('choice-link').click()
      await page.getByTestId('link-submit').click()
      await expect(page.locator('#link-raw-error')).toBeVisible()
      await checkDisplayModes(page, 'link entry with error', locale)
      const required = await page.locator('#link-raw-error').innerText()
      await page.locator('#link-raw').fill(`mescertif://activate/${'A'.repeat(43)}`)
      await page.getByTestId('link-submit').click()
      await expect(page.locator('#link-raw-error')).not.toHaveText(required)
      await checkDisplayModes(page, 'link invalid', locale)
    })
  })
}

test('the reflow check can fail: a wide box and a cut word are caught', async ({ page, kiosk }) => {
  await showMode(page, 'large')
  // Styles set through the CSSOM: the page's CSP refuses style attributes in HTML.
  await page.evaluate(() => {
    const main = document.querySelector('main')!
    const wide = Object.assign(document.createElement('p'), { id: 'wide', textContent: 'x' })
    wide.style.width = '3000px'
    const cut = Object.assign(document.createElement('p'), {
      id: 'cut',
      textContent: 'Réinitialisation',
    })
    Object.assign(cut.style, { overflow: 'hidden', width: '40px', whiteSpace: 'nowrap' })
    main.append(wide, cut)
  })
  // Only the content region scrolls (layout.css): a box too wide for it makes it scroll sideways,
  // and the page itself (overflow hidden) never gets wider than the screen.
  const problems = await reflowProblems(page)
  expect(problems.join('\n')).toMatch(/main#main\.main .* cuts its content/)
  expect(problems.join('\n')).toMatch(/p#wide.*runs off the screen/)
  expect(problems.join('\n')).toMatch(/p#cut.*cuts its content/)
})

test('the 7:1 and reach checks can fail: grey text and a high button are caught', async ({
  page,
  kiosk,
}) => {
  await showMode(page, 'contrast')
  await page.evaluate(() => {
    const grey = Object.assign(document.createElement('p'), { id: 'grey', textContent: 'gris' })
    grey.style.color = '#808080'
    document.querySelector('main')!.append(grey)
  })
  await expect(expectNoViolationsAt7To1(page, 'grey on purpose')).rejects.toThrow(
    /color-contrast-enhanced \(serious\): #grey/,
  )
  await showMode(page, 'lowered')
  await page.evaluate(() => {
    const high = Object.assign(document.createElement('button'), {
      className: 'button button--primary',
      textContent: 'haut',
    })
    Object.assign(high.style, { position: 'fixed', top: '0', left: '0' })
    document.body.append(high)
  })
  await expect(expectControlsLow(page, 'high on purpose')).rejects.toThrow(/haut at 0px/)
})
