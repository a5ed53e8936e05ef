import { checkScreen, expectTouchTargets } from './harness/accessibility'
import { expect, test } from './harness/fixtures'
import { walkEveryScreen } from './harness/screen-walks'

/** axe (WCAG 2.2 A/AA) and 44 px targets on every screen and dialog, in both languages. */
walkEveryScreen(test, 'axe and 44 px targets', checkScreen)

test('the checks can fail: a missing alt and a small button are caught', async ({
  page,
  kiosk,
}) => {
  await page.evaluate(() => {
    const main = document.querySelector('main')!
    main.insertAdjacentHTML(
      'beforeend',
      '<img src="data:image/png;base64,iVBORw0KGgo=" /><button id="tiny">x</button>',
    )
  })
  await expect(checkScreen(page, 'broken on purpose', 'fr-CA')).rejects.toThrow(/image-alt/)
  await expect(expectTouchTargets(page, 'broken on purpose')).rejects.toThrow(/button#tiny \d+×\d+/)
})
