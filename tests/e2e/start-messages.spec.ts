import type { Route } from '@playwright/test'
import frCA from '../../locales/fr-CA.json' with { type: 'json' }
import { expect, test } from './harness/fixtures'
import { HARNESS_ORIGIN } from './harness/paths'

type Tree = { [key: string]: Tree | string }
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  )

/**
 * Welcome and the frame around it say everything with the few messages that come with the app
 * (renderer/src/i18n.ts): the rest of the messages load after start, and no screen but Welcome
 * shows before they are in. A message missing shows as its key, `welcome.title`.
 */
test('Welcome has all its words before the rest of the messages has arrived', async ({
  page,
  kiosk: _kiosk,
}) => {
  // Hold back the two lazily loaded message chunks: requested, not answered.
  const held: Route[] = []
  await page.route(/\/assets\/(fr-CA_lazy|en-CA)-[^/]+\.js$/, (route) => void held.push(route))
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  await expect(page.locator('#welcome-title')).toHaveText(frCA.welcome.title)
  await expect.poll(() => held.length).toBe(2)
  const text = await page.locator('body').innerText()
  expect(keysOf(frCA).filter((key) => text.includes(key))).toEqual([])

  // The first step waits for them, then shows with its own words.
  await page.getByTestId('choice-create').click()
  for (const route of held) await route.fallback()
  await expect(page.locator('#identity-title')).toHaveText(frCA.identity.title)
})
