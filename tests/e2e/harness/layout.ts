import { expect, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { expectNoAxeViolations } from './accessibility'
import { SCREENSHOTS } from './paths'

/** The screens kiosks are sold with (docs/product.md, "Kiosk behaviour"). */
export const kioskScreens = {
  '1920x1080': { width: 1920, height: 1080 },
  '1080x1920': { width: 1080, height: 1920 },
  '1366x768': { width: 1366, height: 768 },
  '1280x1024': { width: 1280, height: 1024 },
} as const
export type KioskScreen = keyof typeof kioskScreens

/** What the page says about one state of one screen, measured in the page itself. */
interface Measured {
  primaries: { label: string; inside: boolean; reachable: boolean }[]
  focused?: { id: string; inside: boolean; reachable: boolean }
  overflowing: string[]
}

/**
 * The layout's promises for the state on screen: every main button of the active part (the top
 * dialog, else the page) is inside the viewport and not covered by anything (keyboard, demo
 * mailbox, action bar); so is the field being typed in; nothing scrolls sideways; axe finds
 * nothing. A viewport screenshot is kept for people to look at.
 */
export async function expectLayout(page: Page, shot: string) {
  // The keyboard brings the field into view on the next frame: measure after it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
  const measured: Measured = await page.evaluate(() => {
    const width = window.innerWidth
    const height = window.innerHeight
    const check = (element: HTMLElement) => {
      const box = element.getBoundingClientRect()
      const inside =
        box.width > 0 &&
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= width + 0.5 &&
        box.bottom <= height + 0.5
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return { inside, reachable: Boolean(hit && (hit === element || element.contains(hit))) }
    }
    const dialogs = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')]
    const active: ParentNode = dialogs.at(-1) ?? document.querySelector('main') ?? document
    // The main buttons; a screen without one (Questions) has its action bar's buttons instead.
    const mains = active.querySelectorAll<HTMLElement>('.button--primary, .choice--primary')
    const primaries = [
      ...(mains.length ? mains : active.querySelectorAll<HTMLElement>('.actions--bar button')),
    ].map((element) => ({ label: element.textContent?.trim() ?? '', ...check(element) }))
    const field = document.activeElement
    const focused =
      field instanceof HTMLInputElement && field.type !== 'checkbox'
        ? { id: field.id, ...check(field) }
        : undefined
    const scrollers = [
      document.documentElement,
      ...document.querySelectorAll<HTMLElement>('main, .dialog__body, .demo-mailbox'),
    ]
    const overflowing = scrollers
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
    return { primaries, focused, overflowing }
  })
  await screenshotViewport(page, shot)
  expect(measured.primaries.length, `${shot}: a main button`).toBeGreaterThan(0)
  for (const primary of measured.primaries)
    expect(primary, `${shot}: "${primary.label}" on screen and uncovered`).toMatchObject({
      inside: true,
      reachable: true,
    })
  if (measured.focused)
    expect(measured.focused, `${shot}: the field being typed in`).toMatchObject({
      inside: true,
      reachable: true,
    })
  expect(measured.overflowing, `${shot}: sideways scrolling`).toEqual([])
  await expectNoAxeViolations(page, shot)
}

export async function screenshotViewport(page: Page, shot: string) {
  const path = resolve(SCREENSHOTS, 'layout', `${shot}.png`)
  mkdirSync(dirname(path), { recursive: true })
  await page.screenshot({ path })
}
