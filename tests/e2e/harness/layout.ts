import { expect, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { expectNoAxeViolations } from './accessibility'
import { controlsHigh, reflowProblems, showMode, type DisplayMode } from './display-modes'
import { SCREENSHOTS } from './paths'

/** The screens kiosks are sold with (docs/product.md, "Kiosk behaviour"). */
export const kioskScreens = {
  '1920x1080': { width: 1920, height: 1080 },
  '1080x1920': { width: 1080, height: 1920 },
  '1366x768': { width: 1366, height: 768 },
  '1280x1024': { width: 1280, height: 1024 },
} as const
export type KioskScreen = keyof typeof kioskScreens

/** The display a state is measured in: the default one, or a person's mode (docs/accessibility.md). */
export type LayoutMode = 'default' | Extract<DisplayMode, 'large' | 'lowered'>
export const LAYOUT_MODES: readonly LayoutMode[] = ['default', 'large', 'lowered']

export interface LayoutOptions {
  /** The modes to measure this state in (all three unless said). */
  modes?: readonly LayoutMode[]
  /**
   * What the state is about, that must be on screen too: a notice, a result (CSS selectors), in
   * every mode, or in some (`{ default: [...] }`).
   */
  inView?: readonly string[] | Partial<Record<LayoutMode, readonly string[]>>
  /**
   * Whether the screen's first field must be in view on arrival (focus on its title): `false`
   * where the field is the screen's fallback, under its main content (Link entry: the QR steps).
   */
  fieldOnArrival?: boolean
}

/** What the page says about one state of one screen, measured in the page itself. */
interface Measured {
  primaries: { label: string; inside: boolean; uncovered: boolean }[]
  field?: { id: string; inside: boolean; uncovered: boolean; label: boolean; error: boolean }
  wanted: { selector: string; inside: boolean; uncovered: boolean }[]
  barGap?: number
}

/**
 * Measured in the page: the main buttons of the active part (the top dialog, else the page), the
 * field being typed in (or, on arrival, the first one), what the state is about, and how far the
 * sticky action bar stands above the bottom of the region it sticks to.
 */
function measure({
  wantedSelectors,
  fieldOnArrival,
}: {
  wantedSelectors: readonly string[]
  fieldOnArrival: boolean
}): Measured {
  const width = window.innerWidth
  const height = window.innerHeight
  const inside = (box: DOMRect) =>
    box.width > 0 &&
    box.height > 0 &&
    box.left >= -0.5 &&
    box.top >= -0.5 &&
    box.right <= width + 0.5 &&
    box.bottom <= height + 0.5
  // Five points across the box, not only its middle: a bar over half a button covers it.
  const uncovered = (element: Element) => {
    const box = element.getBoundingClientRect()
    const points: [number, number][] = [
      [0.5, 0.5],
      [0.2, 0.5],
      [0.8, 0.5],
      [0.5, 0.2],
      [0.5, 0.8],
    ]
    return points.every(([x, y]) => {
      const hit = document.elementFromPoint(box.left + box.width * x, box.top + box.height * y)
      return Boolean(hit && (hit === element || element.contains(hit)))
    })
  }
  const check = (element: Element) => ({
    inside: inside(element.getBoundingClientRect()),
    uncovered: uncovered(element),
  })

  const dialogs = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')]
  const active: Element = dialogs.at(-1) ?? document.querySelector('main') ?? document.body
  // The main buttons; a screen without one (Questions) has its action bar's buttons instead.
  const mains = active.querySelectorAll<HTMLElement>('.button--primary, .choice--primary')
  const primaries = [
    ...(mains.length ? mains : active.querySelectorAll<HTMLElement>('.actions--bar button')),
  ]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => ({ label: element.textContent?.trim() ?? '', ...check(element) }))

  // The field being typed in; on arrival (focus on the screen's title), the first field.
  const typing = (element: Element | null): element is HTMLInputElement =>
    element instanceof HTMLInputElement &&
    !['checkbox', 'hidden'].includes(element.type) &&
    !element.disabled &&
    element.getClientRects().length > 0
  const focused = document.activeElement
  const arrived =
    fieldOnArrival && focused instanceof HTMLHeadingElement && focused.tagName === 'H1'
  const first = arrived ? [...active.querySelectorAll('input')].find(typing) : undefined
  const input = typing(focused) && active.contains(focused) ? focused : first
  const labelOf = (field: HTMLInputElement) => field.labels?.[0]
  const errorOf = (field: HTMLInputElement) => document.getElementById(`${field.id}-error`)
  const field = input && {
    id: input.id,
    ...check(input),
    label: !labelOf(input) || inside(labelOf(input)!.getBoundingClientRect()),
    error:
      !errorOf(input) ||
      (inside(errorOf(input)!.getBoundingClientRect()) && uncovered(errorOf(input)!)),
  }

  const wanted = wantedSelectors.map((selector) => {
    const element = document.querySelector(selector)
    return element ? { selector, ...check(element) } : { selector, inside: false, uncovered: false }
  })

  // While the region scrolls, its bar sits on the region's bottom edge: no strip of scrolled text
  // shows between the bar and what is under the region (the keyboard, the screen's edge).
  const bar = active.querySelector('.actions--bar')
  const region = bar?.closest('.main, .dialog__body')
  let barGap: number | undefined
  if (bar && region && region.scrollHeight > region.clientHeight + 1) {
    const scrolledToEnd = region.scrollTop + region.clientHeight >= region.scrollHeight - 1
    if (!scrolledToEnd)
      barGap = Math.round(
        region.getBoundingClientRect().bottom - bar.getBoundingClientRect().bottom,
      )
  }
  return { primaries, field, wanted, barGap }
}

/**
 * What breaks the layout's promises in the state on screen, in the display mode it is in, one line
 * each (none when it holds):
 * - every main button of the active part (the top dialog, else the page) is fully inside the
 *   viewport and not covered by anything (keyboard, demo mailbox, action bar);
 * - so is the field being typed in (on arrival, the first field), with its label and its error;
 * - so is what the state is about (`wanted`);
 * - the sticky action bar leaves no strip of scrolled text under it;
 * - nothing scrolls sideways or runs off the screen, no text is cut (WCAG 1.4.10);
 * - in the lowered layout, every main button and every Welcome tile is out of the top third.
 */
export async function layoutProblems(
  page: Page,
  mode: LayoutMode,
  wantedSelectors: readonly string[] = [],
  fieldOnArrival = true,
): Promise<string[]> {
  const measured = await page.evaluate(measure, { wantedSelectors, fieldOnArrival })
  const problems: string[] = []
  if (!measured.primaries.length) problems.push('no main button')
  for (const { label, inside, uncovered } of measured.primaries)
    if (!inside || !uncovered)
      problems.push(`"${label}" ${inside ? 'covered' : 'not fully on screen'}`)
  const field = measured.field
  if (field && (!field.inside || !field.uncovered))
    problems.push(`field #${field.id} ${field.inside ? 'covered' : 'not fully on screen'}`)
  if (field && !field.label) problems.push(`field #${field.id}: its label off screen`)
  if (field && !field.error) problems.push(`field #${field.id}: its error off screen or covered`)
  for (const { selector, inside, uncovered } of measured.wanted)
    if (!inside || !uncovered) problems.push(`${selector} not on screen`)
  if ((measured.barGap ?? 0) > 1) problems.push(`a ${measured.barGap}px strip under the action bar`)
  problems.push(...(await reflowProblems(page)))
  if (mode === 'lowered')
    problems.push(...(await controlsHigh(page)).map((high) => `in the top third: ${high}`))
  return problems
}

/**
 * The layout's promises (`layoutProblems`) for the state on screen, in each display mode a person
 * can choose: the same state, its mode switched in place as the accessibility bar does, on
 * <html> (walking each flow once per mode would triple the suite's time). axe too, in the default
 * display (display-modes.spec.ts runs axe in the others). A viewport screenshot of each is kept
 * for people to look at. Every state's problems are listed, not only the first.
 */
export async function expectLayout(page: Page, shot: string, options: LayoutOptions = {}) {
  const { modes = LAYOUT_MODES, inView = [], fieldOnArrival = true } = options
  for (const mode of modes) {
    await showMode(page, mode === 'default' ? undefined : mode)
    // The kiosk brings the field back into view on the frame after its layout changed.
    await nextFrames(page)
    const wanted = Array.isArray(inView)
      ? inView
      : ((inView as Partial<Record<LayoutMode, readonly string[]>>)[mode] ?? [])
    const problems = await layoutProblems(page, mode, wanted, fieldOnArrival)
    const name = mode === 'default' ? shot : `${dirname(shot)}/${mode}/${basename(shot)}`
    await screenshotViewport(page, name)
    expect.soft(problems, name).toEqual([])
    if (mode === 'default') await expectNoAxeViolations(page, name)
  }
  if (modes.at(-1) !== 'default') {
    await showMode(page, undefined)
    await nextFrames(page)
  }
}

async function nextFrames(page: Page) {
  await page.evaluate(
    () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  )
}

export async function screenshotViewport(page: Page, shot: string) {
  const path = resolve(SCREENSHOTS, 'layout', `${shot}.png`)
  mkdirSync(dirname(path), { recursive: true })
  await page.screenshot({ path })
}
