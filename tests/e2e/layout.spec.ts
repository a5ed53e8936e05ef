import type { Page } from '@playwright/test'
import { lookUp, staffSignsIn } from './harness/counter-desk'
import { expect, testWithKiosk, uniqueEmail } from './harness/fixtures'
import { createActiveAccount, enterCode, GOOD_PASSWORD } from './harness/flows'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'
import { showMode } from './harness/display-modes'
import { expectLayout, kioskScreens, layoutProblems, type KioskScreen } from './harness/layout'

/**
 * Every screen, in each of its states (empty, errors shown, keyboard up, a dialog open), on the
 * four screens kiosks are sold with, in both languages, in the default display, in large text and
 * in the lowered layout: the main button on screen and uncovered, the field being typed in too,
 * nothing scrolling sideways, the lowered layout's buttons within reach, axe clean
 * (tests/e2e/harness/layout.ts). The counter desk's screens likewise, in counter mode. One page
 * per test, the states driven in sequence; split by screen size, language and flow so each test
 * stays short on a busy machine.
 */
const test = testWithKiosk({ config: { onScreenKeyboard: 'on' } })
/** A counter desk: a PC with its own keyboard, in a normal window. */
const counterTest = testWithKiosk({ config: { mode: 'counter', onScreenKeyboard: 'off' } })

const wrongCode = (good: string) => (good === '000000' ? '111111' : '000000')

async function hideKeyboard(page: Page) {
  await page.getByTestId('keyboard-hide').click()
  await expect(page.getByTestId('on-screen-keyboard')).toHaveCount(0)
}

for (const size of Object.keys(kioskScreens) as KioskScreen[]) {
  for (const locale of ['fr-CA', 'en-CA'] as const) {
    test.describe(`layout at ${size} in ${locale}`, () => {
      test.use({ viewport: kioskScreens[size] })
      const shot = (name: string) => `${size}/${locale}/${name}`

      /** Welcome in this test's language (every return to Welcome goes back to the default). */
      async function onWelcome(page: Page) {
        await expect(page.locator('#welcome-title')).toBeFocused()
        if (locale === 'en-CA') await page.getByTestId('language-switch').click()
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
      }

      test.beforeEach(async ({ page, kiosk }) => onWelcome(page))

      test('welcome, questions and registration', async ({ page, service, invited }) => {
        await expectLayout(page, shot('welcome'))
        await page.getByTestId('choice-questions').click()
        await expect(page.getByTestId('contact')).toBeVisible()
        await expectLayout(page, shot('questions'))
        await page.getByTestId('back').click()
        await onWelcome(page)
        await page.getByTestId('choice-create').click()
        await expect(page.locator('#identity-title')).toBeFocused()
        await expectLayout(page, shot('identity'))
        await page.getByTestId('identity-next').click()
        await expect(page.locator('#identity-firstName-error')).toBeVisible()
        await expectLayout(page, shot('identity-errors-keyboard'))
        await hideKeyboard(page)
        await expectLayout(page, shot('identity-errors'))
        await page.locator('#identity-firstName').fill(invited.firstName)
        await page.locator('#identity-lastName').fill(invited.lastName)
        await page.locator('#identity-email').fill(invited.email)
        await expectLayout(page, shot('identity-keyboard'))
        await page.getByTestId('identity-next').click()
        await expect(page.getByTestId('confirm-emphasis')).toBeVisible()
        await expectLayout(page, shot('identity-confirm'))
        await page.getByTestId('confirm-yes').click()

        await expect(page.locator('#password-title')).toBeFocused()
        await expectLayout(page, shot('password'))
        await page.getByTestId('password-submit').click()
        await expect(page.locator('#register-password-error')).toBeVisible()
        await expectLayout(page, shot('password-errors-keyboard'))
        await hideKeyboard(page)
        await expectLayout(page, shot('password-errors'))
        await page.locator('#register-password').fill(GOOD_PASSWORD)
        await page.locator('#register-confirm').fill(GOOD_PASSWORD)
        await expectLayout(page, shot('password-keyboard'))
        await page.getByTestId('read-terms').click()
        await expect(page.getByRole('dialog')).toBeVisible()
        await expectLayout(page, shot('password-terms'))
        await page.getByRole('dialog').getByRole('button').click()
        await page.locator('#accept-terms').check()
        await page.locator('#accept-privacy').check()
        await page.getByTestId('password-submit').click()

        await expect(page.locator('#code-title')).toBeFocused()
        await expectLayout(page, shot('code'))
        const code = service.lastCode(invited.email)
        await enterCode(page, 'register-code', wrongCode(code), 'code-submit')
        await expect(page.locator('#register-code-error')).toBeVisible()
        await page.locator('#register-code').focus()
        await expectLayout(page, shot('code-error-keyboard'))
        await page.getByTestId('demo-mailbox-toggle').click()
        await expect(page.getByTestId('demo-mailbox')).toContainText(code)
        await expectLayout(page, shot('code-mailbox-keyboard'))
        await page.getByTestId('demo-mailbox-toggle').click()
        await enterCode(page, 'register-code', code, 'code-submit')

        await expect(page.locator('#done-title')).toBeFocused()
        await expectLayout(page, shot('done'), { inView: ['[data-testid="auto-return"]'] })
        await page.getByTestId('done-sign-in').click()
        await page.locator('#sign-in-password').fill(GOOD_PASSWORD)
        await expectLayout(page, shot('sign-in-keyboard'))
        await page.getByTestId('sign-in-submit').click()
        await expect(page.locator('#signed-in-title')).toBeFocused()
        // The QR code whole, for a phone to scan; with large text it is under the documents.
        await expectLayout(page, shot('signed-in'), { inView: { default: ['.qr'] } })
        await page.getByTestId('home').click()
        await expect(page.getByTestId('confirm-yes')).toBeVisible()
        await expectLayout(page, shot('signed-in-home'))
        await page.getByTestId('confirm-yes').click()
        await expect(page.locator('#welcome-title')).toBeVisible()
      })

      test('sign in, recovery, link entry and staff', async ({ page, kiosk, service, invited }) => {
        await createActiveAccount(page, service, invited)
        await page.getByTestId('choice-sign-in').click()
        await expectLayout(page, shot('sign-in'))
        await page.locator('#sign-in-email').fill(invited.email)
        await page.locator('#sign-in-password').fill('Pas-le-bon-2026!')
        await page.getByTestId('sign-in-submit').click()
        await expect(page.getByRole('alert')).not.toBeEmpty()
        await page.locator('#sign-in-password').focus()
        await expectLayout(page, shot('sign-in-error-keyboard'))

        await page.getByTestId('sign-in-cant').click()
        await expect(page.locator('#recovery-title')).toBeFocused()
        await expectLayout(page, shot('recovery'))
        await page.getByTestId('recovery-submit').click()
        await expect(page.locator('#recovery-email-error')).toBeVisible()
        // The screen's title and its step stay over the field the kiosk brings into view; at
        // 1366×768 with the keyboard up, the step bar is what gives way to the field and its error.
        await expectLayout(page, shot('recovery-error-keyboard'), {
          inView: {
            default: size === '1366x768' ? ['#recovery-title'] : ['#recovery-title', '.steps'],
          },
        })
        await page.locator('#recovery-email').fill(invited.email)
        await page.getByTestId('recovery-submit').click()
        await expect(page.getByTestId('recovery-sent')).toBeVisible()
        await expectLayout(page, shot('recovery-code'))
        const code = service.lastCode(invited.email)
        await enterCode(page, 'recovery-code', wrongCode(code), 'recovery-code-submit')
        await expect(page.locator('#recovery-code-error')).toBeVisible()
        await page.locator('#recovery-code').focus()
        await expectLayout(page, shot('recovery-code-error-keyboard'))
        await enterCode(page, 'recovery-code', code, 'recovery-code-submit')
        await expect(page.locator('#new-password-title')).toBeFocused()
        await expectLayout(page, shot('new-password'))
        await page.locator('#recovery-password').fill('court')
        await page.getByTestId('new-password-submit').click()
        await expect(page.locator('#recovery-confirm-error')).toBeVisible()
        await expectLayout(page, shot('new-password-errors-keyboard'))
        await page.locator('#recovery-password').fill('Saint-Laurent~1534!')
        await page.locator('#recovery-confirm').fill('Saint-Laurent~1534!')
        await page.getByTestId('new-password-submit').click()
        await expect(page.locator('#recovery-done-title')).toBeFocused()
        await expectLayout(page, shot('recovery-done'), { inView: ['[data-testid="auto-return"]'] })
        // The address typed on Sign in is still there: Home asks before erasing it.
        await page.getByTestId('home').click()
        await page.getByTestId('confirm-yes').click()
        await onWelcome(page)

        await page.getByTestId('choice-link').click()
        await expect(page.locator('#link-title')).toBeFocused()
        await expectLayout(page, shot('link'), { fieldOnArrival: false })
        await page.getByTestId('link-submit').click()
        await expect(page.locator('#link-raw-error')).toBeVisible()
        await expectLayout(page, shot('link-error-keyboard'))
        kiosk.emit({ type: 'mailLinkFailed', code: 'link_expired' })
        await expect(page.getByTestId('link-problem')).toBeVisible()
        await expectLayout(page, shot('link-problem'))

        kiosk.emit({ type: 'staffRequested' })
        await expect(page.getByTestId('pin-unlock')).toBeVisible()
        await expectLayout(page, shot('staff-pin'))
        kiosk.mainClock.offsetMs += 6_000
        for (const digit of '000000') await page.getByTestId(`pin-${digit}`).click()
        await page.getByTestId('pin-unlock').click()
        await expect(page.getByRole('dialog').getByRole('alert')).not.toBeEmpty()
        await expectLayout(page, shot('staff-pin-error'))
        kiosk.mainClock.offsetMs += 6_000
        for (const digit of HARNESS_STAFF_PIN) await page.getByTestId(`pin-${digit}`).click()
        await page.getByTestId('pin-unlock').click()
        await expect(page.getByTestId('staff-status')).toBeVisible()
        await expectLayout(page, shot('staff-panel'))
        await page.locator('#staff-email').focus()
        await expect(page.getByTestId('on-screen-keyboard')).toBeVisible()
        await expectLayout(page, shot('staff-panel-keyboard'))
        await page.getByTestId('staff-quit').click()
        await expect(page.getByTestId('confirm-yes')).toBeVisible()
        await expectLayout(page, shot('staff-quit'))
        await page.getByTestId('confirm-no').click()
        expect(kiosk.quits).toEqual([])
      })
    })

    counterTest.describe(`counter desk at ${size} in ${locale}`, () => {
      counterTest.use({ viewport: kioskScreens[size] })
      const shot = (name: string) => `${size}/${locale}/counter-${name}`
      const defaultOnly = { modes: ['default'] } as const

      counterTest(
        'sign-in, enrolment, look-up, correction, hand-over',
        async ({ page, kiosk, service }) => {
          const right = uniqueEmail('lea')
          const typo = right.replace('@etudiant.example.ca', '@etudiant.exmaple.ca')
          await service.invite(typo, { firstName: 'Léa', lastName: 'Bouchard', locale })
          await expect(page.locator('#welcome-title')).toBeFocused()
          if (locale === 'en-CA') await page.getByTestId('language-switch').click()
          await expectLayout(page, shot('welcome'), defaultOnly)
          await page.getByTestId('counter-entry').click()
          await expect(page.locator('#counter-sign-in-title')).toBeFocused()
          await expectLayout(page, shot('sign-in'), defaultOnly)
          await page.getByTestId('counter-enrol-link').click()
          await expect(page.locator('#counter-enrol-title')).toBeFocused()
          await page.getByTestId('counter-enrol-submit').click()
          await expect(page.locator('#enrol-email-error')).toBeVisible()
          await expectLayout(page, shot('enrol-errors'), {
            ...defaultOnly,
            inView: ['#enrol-rules'],
          })
          await page.getByTestId('home').click()
          await expect(page.locator('#welcome-title')).toBeFocused()

          await staffSignsIn(page, service, locale)
          await expectLayout(page, shot('desk'), defaultOnly)
          await page.locator('#counter-student-email').fill('pas-une-adresse')
          await page.getByTestId('counter-lookup').click()
          await expect(page.locator('#counter-student-email-error')).toBeVisible()
          await expectLayout(page, shot('desk-error'), defaultOnly)
          await lookUp(page, typo)
          await expectLayout(page, shot('record'), { ...defaultOnly, inView: ['#record-title'] })
          await page.getByTestId('action-correctAddress').click()
          await page.locator('#correct-new-email').fill(right)
          await expectLayout(page, shot('correct'), defaultOnly)
          await page.getByTestId('correct-submit').click()
          await expect(page.locator('#record-title')).toContainText(right)
          await expectLayout(page, shot('corrected'), {
            ...defaultOnly,
            inView: ['[data-testid="counter-notice"]', '#record-title'],
          })
          await page.getByTestId('action-startRegistration').click()
          await expect(page.getByTestId('confirm-emphasis')).toHaveText(right)
          await expectLayout(page, shot('handover'), defaultOnly)
          await page.getByTestId('confirm-no').click()
          await expect(page.getByTestId('action-startRegistration')).toBeFocused()
        },
      )
    })
  }
}

test('the layout checks can fail: a covered button, a cut error, a strip, a wide box, a high tile', async ({
  page,
  kiosk,
}) => {
  await page.setViewportSize(kioskScreens['1366x768'])
  await page.getByTestId('choice-create').click()
  await page.getByTestId('identity-next').click()
  await expect(page.locator('#identity-firstName-error')).toBeVisible()
  await page.getByTestId('keyboard-hide').click()
  expect(await layoutProblems(page, 'default')).toEqual([])
  // Styles set through the CSSOM: the page's CSP refuses style attributes in HTML.
  await page.evaluate(() => {
    const cover = Object.assign(document.createElement('div'), { id: 'cover' })
    const next = document.querySelector('[data-testid="identity-next"]')!.getBoundingClientRect()
    Object.assign(cover.style, {
      position: 'fixed',
      left: `${next.left + next.width / 2 - 10}px`,
      top: `${next.top}px`,
      width: '20px',
      height: `${next.height}px`,
      zIndex: '10',
    })
    const error = document.getElementById('identity-firstName-error')!
    error.style.transform = `translateY(${window.innerHeight}px)`
    const main = document.querySelector<HTMLElement>('main')!
    main.style.paddingBottom = '30px'
    main.scrollTop = 1
    const wide = Object.assign(document.createElement('p'), { textContent: 'x' })
    wide.style.width = '3000px'
    document.querySelector('form')!.prepend(wide)
    document.body.append(cover)
  })
  const problems = (await layoutProblems(page, 'default')).join('\n')
  expect(problems).toContain('"Suivant" covered')
  expect(problems).toContain('field #identity-firstName: its error off screen or covered')
  expect(problems).toMatch(/a \d+px strip under the action bar/)
  expect(problems).toMatch(/sideways|runs off the screen|cuts its content/)

  await page.getByTestId('home').click()
  await expect(page.locator('#welcome-title')).toBeFocused()
  await showMode(page, 'lowered')
  await page.evaluate(() => {
    const tiles = document.querySelector<HTMLElement>('.choices')!
    Object.assign(tiles.style, { position: 'fixed', top: '0', left: '0', right: '0' })
  })
  expect((await layoutProblems(page, 'lowered')).join('\n')).toMatch(
    /in the top third: Me connecter/,
  )
})
