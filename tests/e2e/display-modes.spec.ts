import {
  checkDisplayModes,
  expectControlsLow,
  expectNoViolationsAt7To1,
  reflowProblems,
  showMode,
} from './harness/display-modes'
import { expect, testWithKiosk } from './harness/fixtures'
import { walkEveryScreen } from './harness/screen-walks'

/**
 * Every screen and dialog, in both languages, in the display modes that change colours and sizes
 * (docs/accessibility.md): large text (axe, 44 px) and high contrast (axe, 44 px, 7:1); a
 * screenshot of each. Reflow, reach and what stays in view in large text and the lowered layout
 * are the layout test's, at the four kiosk sizes (layout.spec.ts). The clock stands still, so a
 * finished screen does not go back to Welcome in the middle of the checks.
 */
const test = testWithKiosk({ fakeClock: true })
walkEveryScreen(test, 'display modes', checkDisplayModes)

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
    document.querySelector('main')!.append(high)
  })
  await expect(expectControlsLow(page, 'high on purpose')).rejects.toThrow(/haut at 0px/)
})
