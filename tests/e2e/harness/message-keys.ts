import { expect, type Page } from '@playwright/test'

/**
 * Every message key and group of a locale file (`audit.columns`, `audit.columns.at`, …) that
 * holds a dot: vue-i18n shows the key it misses, and the path it was given when that path is a
 * group. A word without a dot could be ordinary text, so it is left out.
 */
export function messageKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages)
    .flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? [`${prefix}${key}`, ...messageKeys(value as object, `${prefix}${key}.`)]
        : [`${prefix}${key}`],
    )
    .filter((key) => key.includes('.'))
}

/** `key` on its own in text, not inside an address or a longer name (`x.audit.ok@…`). */
const standingAlone = (key: string) =>
  new RegExp(`(?<![\\w.@-])${key.replace(/[.$]/g, '\\$&')}(?![\\w.@-])`)

/** No message key in the page's text: every message the page shows was found. */
export async function expectNoMessageKeys(page: Page, keys: readonly string[], where: string) {
  const text = await page.locator('body').innerText()
  expect(
    keys.filter((key) => standingAlone(key).test(text)),
    `message keys shown on ${where}`,
  ).toEqual([])
}
