import { expect, type Page } from '@playwright/test'
import { checkScreen, expectTouchTargets, runAxe } from './accessibility'
import { screenshot } from './fixtures'

export type DisplayMode = 'large' | 'contrast' | 'lowered'

/** The four kiosk screens of docs/accessibility.md, each way up. */
export const REFLOW_SIZES = [
  { width: 1280, height: 1024 },
  { width: 1024, height: 1280 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const

const ATTRIBUTE: Record<DisplayMode, [string, string]> = {
  large: ['text', 'large'],
  contrast: ['contrast', 'high'],
  lowered: ['reach', 'low'],
}

/**
 * Puts <html> in one display mode, as the accessibility bar's store does: the same attributes,
 * set directly, because a modal dialog makes the bar itself unreachable for the walk.
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

/** Primary actions within reach of a seated person: in the lower part of the screen. */
export async function expectControlsLow(page: Page, screen: string) {
  const high = await page.evaluate(() => {
    const top = window.innerHeight / 3
    const open = document.querySelector('dialog[open]')
    const scope = open ?? document
    return [...scope.querySelectorAll<HTMLElement>('.button--primary, button[type="submit"]')]
      .filter((button) => button.getBoundingClientRect().height > 0)
      .filter((button) => button.getBoundingClientRect().top < top)
      .map(
        (button) =>
          `${button.textContent?.trim()} at ${Math.round(button.getBoundingClientRect().top)}px`,
      )
  })
  expect(high, `primary actions in the top third on ${screen}`).toEqual([])
}

/**
 * One screen in every display mode: axe and 44 px targets in large text and high contrast, 7:1 in
 * high contrast, reflow at the four sizes in large text, primary actions low in the lowered
 * layout; a screenshot of each, to be looked at.
 */
export async function checkDisplayModes(page: Page, screen: string, locale: string) {
  const size = page.viewportSize()!
  const file = screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
  await showMode(page, 'large')
  await checkScreen(page, `${screen}, large text`, locale)
  for (const reflow of REFLOW_SIZES) {
    await page.setViewportSize(reflow)
    expect(
      await reflowProblems(page),
      `reflow at 200 % on ${screen} ${reflow.width}×${reflow.height}`,
    ).toEqual([])
  }
  await page.setViewportSize(REFLOW_SIZES[0])
  await screenshot(page, `modes/large-${file}.${locale}`)
  await showMode(page, 'contrast')
  await expectNoViolationsAt7To1(page, `${screen} (${locale})`)
  await expectTouchTargets(page, `${screen}, high contrast (${locale})`)
  await screenshot(page, `modes/contrast-${file}.${locale}`)
  await showMode(page, 'lowered')
  await page.setViewportSize(REFLOW_SIZES[3])
  await expectControlsLow(page, `${screen} (${locale})`)
  await screenshot(page, `modes/lowered-${file}.${locale}`)
  await showMode(page, undefined)
  await page.setViewportSize(size)
}
