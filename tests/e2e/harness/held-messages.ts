import { expect, type Page, type Route } from '@playwright/test'
import { HARNESS_ORIGIN } from './paths'

/**
 * Loads the kiosk with its two lazily loaded message chunks held back (only Welcome's words come
 * with the app): requested, not answered, until `release()`. For tests of what happens before the
 * rest of the messages has arrived.
 */
export async function loadWithMessagesHeld(page: Page) {
  const held: Route[] = []
  await page.route(/\/assets\/(fr-CA_lazy|en-CA)-[^/]+\.js$/, (route) => void held.push(route))
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  return {
    /** Both chunks asked for (the idle preload ran) and still unanswered. */
    requested: () => expect.poll(() => held.length).toBe(2),
    release: async () => {
      for (const route of held) await route.fallback()
    },
  }
}
