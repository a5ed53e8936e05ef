import type { Router } from 'vue-router'

const adding = new WeakMap<Router, Promise<void>>()

/**
 * Adds every screen but Welcome (routes.ts) to the router, once: it comes right after the first
 * screen, not with it (docs/performance.md), and whatever leaves Welcome awaits it first. The
 * router is passed in, not imported: the router imports Welcome, which calls this.
 */
export function ensureRoutes(router: Router): Promise<void> {
  let added = adding.get(router)
  if (!added) {
    added = import('./routes').then(({ flowRoutes }) => {
      for (const route of flowRoutes) router.addRoute(route)
    })
    adding.set(router, added)
  }
  return added
}
