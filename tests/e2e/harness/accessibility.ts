import { expect, type Page } from '@playwright/test'
import axe from 'axe-core'
import enCA from '@locales/en-CA.json' with { type: 'json' }
import { expectNoMessageKeys, messageKeys } from './message-keys'

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * axe with the WCAG 2.2 A and AA rules (and any rule `enable` names), in the page: axe is put into
 * the page once (what @axe-core/playwright does, without injecting its half-megabyte source again
 * at each check: the layout test checks some 300 states). Returns the ids of the rules that ran
 * and the violations, one line each.
 */
export async function runAxe(
  page: Page,
  enable: string[] = [],
): Promise<{ ran: string[]; violations: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source)
  const results = await page.evaluate(
    ({ tags, enable }) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(enable.map((rule) => [rule, { enabled: true }])),
        resultTypes: ['violations'],
      }),
    { tags: WCAG_22_AA, enable },
  )
  // With resultTypes, passes and incompletes still name their rule (with one node at most).
  const ran = [...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id)
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any.map((a) => a.message).join('; ')}`).join(', ')}`,
  )
  return { ran, violations }
}

/** axe with the WCAG 2.2 A and AA rules: every violation is listed in the failure. */
export async function expectNoAxeViolations(page: Page, screen: string) {
  const { violations } = await runAxe(page)
  expect(violations, `axe on ${screen}`).toEqual([])
}

/** WCAG 2.5.5 (AAA, and the kiosk's own bar): every control at least 44×44 CSS px. */
export async function expectTouchTargets(page: Page, screen: string) {
  const small = await page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'button, a[href], input, select, [role="button"], [tabindex]:not([tabindex="-1"])',
      ),
    ]
    return controls
      .filter((element) => {
        const style = getComputedStyle(element)
        if (style.visibility === 'hidden' || style.display === 'none') return false
        const box = element.getBoundingClientRect()
        if (box.width === 0 && box.height === 0) return false
        // A checkbox counts with its label, which is part of its target.
        if (element instanceof HTMLInputElement && element.type === 'checkbox') {
          const label = element.labels?.[0]?.getBoundingClientRect()
          return Math.max(box.height, label?.height ?? 0) < 44
        }
        return box.width < 44 || box.height < 44
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}#${element.id || element.dataset.testid || element.textContent?.trim().slice(0, 20)} ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`,
      )
  })
  expect(small, `targets under 44×44 on ${screen}`).toEqual([])
}

const KIOSK_KEYS = messageKeys(enCA)

/** The screen in its language, with every message found, axe clean, and touch targets 44×44. */
export async function checkScreen(page: Page, screen: string, locale: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  await expectNoMessageKeys(page, KIOSK_KEYS, `${screen} (${locale})`)
  await expectNoAxeViolations(page, `${screen} (${locale})`)
  await expectTouchTargets(page, `${screen} (${locale})`)
}
