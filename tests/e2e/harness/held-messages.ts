import { expect, type Page, type Route } from '@playwright/test'
import type { HarnessKiosk } from './kiosk-harness'
import { HARNESS_ORIGIN } from './paths'

/**
 * Loads the kiosk with its two lazily loaded message chunks held back (only Welcome's words come
 * with the app): requested, not answered, until `release()`. For tests of what happens before the
 * rest of the messages has arrived. Loaded, as by the harness, once the session has told main it
 * is ready: a person's first key comes after that.
 */
export async function loadWithMessagesHeld(page: Page, kiosk: HarnessKiosk) {
  const held: Route[] = []
  await page.route(/\/assets\/(fr-CA_lazy|en-CA)-[^/]+\.js$/, (route) => void held.push(route))
  const readyCalls = () => kiosk.invoked.filter((channel) => channel === 'app.ready').length
  const before = readyCalls()
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  await expect.poll(readyCalls).toBeGreaterThan(before)
  return {
    /**
     * Both chunks asked for (the idle preload ran) and still unanswered. Counted by address: the
     * page the fixture loaded before may still ask for them as it goes, after start-up.
     */
    requested: () =>
      expect.poll(() => new Set(held.map((route) => route.request().url())).size).toBe(2),
    release: async () => {
      // A request of the page that has gone was cancelled with it: nothing to answer.
      for (const route of held) await route.fallback().catch(() => undefined)
    },
  }
}
