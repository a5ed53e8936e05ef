import frCA from '@locales/fr-CA.json' with { type: 'json' }
import { expect, test } from './harness/fixtures'
import { loadWithMessagesHeld } from './harness/held-messages'

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
  kiosk,
}) => {
  const messages = await loadWithMessagesHeld(page, kiosk)
  await expect(page.locator('#welcome-title')).toHaveText(frCA.welcome.title)
  await messages.requested()
  const text = await page.locator('body').innerText()
  expect(keysOf(frCA).filter((key) => text.includes(key))).toEqual([])

  // The first step waits for them, then shows with its own words.
  await page.getByTestId('choice-create').click()
  await messages.release()
  await expect(page.locator('#identity-title')).toHaveText(frCA.identity.title)
})
