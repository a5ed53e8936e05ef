import {
  createMemoryHistory,
  createRouter,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router'
import type { FlowStep } from './flow-steps'
import { previousRouteName } from './previous-route'
import WelcomeView from './views/WelcomeView.vue'

// Typed once here, the way vue-router documents it, so no screen casts `route.meta`.
declare module 'vue-router' {
  interface RouteMeta {
    /** The step of its flow a screen is, for the step indicator. */
    step?: FlowStep
  }
}

/**
 * Welcome, the first screen, comes with the app; every other screen's route (routes.ts) is added
 * as the session sets up, just after Welcome, by `ensureRoutes` (route-loading.ts), which anything
 * that leaves Welcome waits for (docs/performance.md). Memory history: a kiosk has no address bar,
 * and nothing of a session should survive in the URL.
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'welcome', component: WelcomeView },
  { path: '/:pathMatch(.*)*', redirect: { name: 'welcome' } },
]

/**
 * Memory history that keeps one entry. vue-router's memory history keeps every pushed location
 * until it is destroyed, and the wipe only replaces the newest: each person left four entries
 * behind (found by heap snapshots, docs/performance.md). A kiosk never goes back through history
 * — Back names its step — so every navigation replaces.
 */
export function singleEntryHistory(): RouterHistory {
  const history = createMemoryHistory()
  history.push = history.replace
  return history
}

export const router = createRouter({ history: singleEntryHistory(), routes })

router.afterEach((_to, from) => {
  previousRouteName.value = from.name
})
