import { expect, type Page } from '@playwright/test'
import { checkScreen, expectTouchTargets, runAxe } from './accessibility'
import { screenshot } from './fixtures'

export type DisplayMode = 'large' | 'contrast' | 'lowered'

const ATTRIBUTE: Record<DisplayMode, [string, string]> = {
  large: ['text', 'large'],
  contrast: ['contrast', 'high'],
  lowered: ['reach', 'low'],
}

/**
 * Puts <html> in one display mode, as the accessibility bar's store does: the same attributes,
 * set directly, because a modal dialog makes the bar itself unreachable for the walk. The modes'
 * styles come in their own chunk (renderer/src/mode-styles.ts): waited for, so no state is
 * measured half-styled.
 */
export async function showMode(page: Page, mode: DisplayMode | undefined) {
  await page.evaluate(
    ({ attributes, chosen }) => {
      for (const [name, value] of attributes) {
        if (chosen && chosen[0] === name) document.documentElement.dataset[name] = value
        else delete document.documentElement.dataset[name]
      }
    },
    { attributes: Object.values(ATTRIBUTE), chosen: mode ? ATTRIBUTE[mode] : undefined },
  )
  if (mode) await page.waitForFunction(modeStylesLoaded)
}

/** Whether styles/modes.css is in the page (its rules name the modes' attributes). */
function modeStylesLoaded(): boolean {
  return [...document.styleSheets].some((sheet) =>
    [...sheet.cssRules].some((rule) => rule.cssText.includes('data-reach')),
  )
}

/** WCAG 1.4.10 at 200 %: nothing wider than the screen, no text cut inside a box. */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = window.innerWidth
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`page ${document.documentElement.scrollWidth}px wide`)
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 30)}"`
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      if (element.closest('.visually-hidden, input, select, svg, .osk')) continue
      // Hidden but for screen readers (clipped to nothing), like .visually-hidden.
      if (style.clip === 'rect(0px, 0px, 0px, 0px)') continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.right > width + 1 || box.left < -1)
        problems.push(
          `${name(element)} runs off the screen (${Math.round(box.left)}–${Math.round(box.right)})`,
        )
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis'
      if (clips && element.scrollWidth > element.clientWidth + 1)
        problems.push(
          `${name(element)} cuts its content (${element.scrollWidth} > ${element.clientWidth})`,
        )
    }
    return problems
  })
}

/**
 * axe's WCAG 2.2 A/AA rules and, for the high-contrast theme, its 7:1 rule (CAN/ASC-EN 301 549
 * asks the theme for 7:1), in one pass.
 */
export async function expectNoViolationsAt7To1(page: Page, screen: string) {
  const { ran, violations } = await runAxe(page, ['color-contrast-enhanced'])
  expect(ran, 'the 7:1 rule ran').toContain('color-contrast-enhanced')
  const summary = violations
  expect(summary, `axe and 7:1 contrast on ${screen}`).toEqual([])
}

/**
 * What a seated person would have to reach up for in the lowered layout: the main buttons, submit
 * buttons and every Welcome tile of the active part (the top dialog, else the page) that start in
 * the top third of the screen.
 */
export async function controlsHigh(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const top = window.innerHeight / 3
    const scope =
      [...document.querySelectorAll('dialog[open]')].at(-1) ?? document.querySelector('main')
    if (!scope) return []
    return [
      ...scope.querySelectorAll<HTMLElement>('.button--primary, .choice, button[type="submit"]'),
    ]
      .filter((button) => button.getBoundingClientRect().height > 0)
      .filter((button) => button.getBoundingClientRect().top < top)
      .map(
        (button) =>
          `${button.textContent?.trim()} at ${Math.round(button.getBoundingClientRect().top)}px`,
      )
  })
}

/** Primary actions within reach of a seated person: in the lower part of the screen. */
export async function expectControlsLow(page: Page, screen: string) {
  expect(await controlsHigh(page), `primary actions in the top third on ${screen}`).toEqual([])
}

/**
 * One screen in the modes that change its colours and sizes: axe and 44 px targets in large text
 * and high contrast, 7:1 in high contrast; a screenshot of each, to be looked at. Where things
 * sit in large text and the lowered layout (in view, uncovered, reflowed, within reach) is the
 * layout test's, at the four kiosk sizes (tests/e2e/layout.spec.ts).
 */
export async function checkDisplayModes(page: Page, screen: string, locale: string) {
  const file = screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
  await showMode(page, 'large')
  await checkScreen(page, `${screen}, large text`, locale)
  await screenshot(page, `modes/large-${file}.${locale}`)
  await showMode(page, 'contrast')
  await expectNoViolationsAt7To1(page, `${screen} (${locale})`)
  await expectTouchTargets(page, `${screen}, high contrast (${locale})`)
  await screenshot(page, `modes/contrast-${file}.${locale}`)
  await showMode(page, undefined)
}
