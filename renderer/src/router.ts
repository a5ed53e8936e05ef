import { shallowRef } from 'vue'
import {
  createMemoryHistory,
  createRouter,
  type RouteRecordNameGeneric,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router'
import WelcomeView from './views/WelcomeView.vue'

export type RegistrationStep = 'identity' | 'password' | 'code' | 'done'
export type RecoveryStep = 'email' | 'code' | 'newPassword' | 'done'
export type FlowStep = RegistrationStep | RecoveryStep

// Typed once here, the way vue-router documents it, so no screen casts `route.meta`.
declare module 'vue-router' {
  interface RouteMeta {
    /** The step of its flow a screen is, for the step indicator. */
    step?: FlowStep
  }
}

/**
 * Welcome, the first screen, comes with the app; every other screen's route (routes.ts) is added
 * right after it is up, by `ensureRoutes`, which anything that leaves Welcome waits for
 * (docs/performance.md). Memory history: a kiosk has no address bar, and nothing of a session
 * should survive in the URL.
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

let adding: Promise<void> | undefined

/** Adds every screen but Welcome to the router, once; a way off Welcome awaits it first. */
export function ensureRoutes(): Promise<void> {
  adding ??= import('./routes').then(({ flowRoutes }) => {
    for (const route of flowRoutes) router.addRoute(route)
  })
  return adding
}

/** The screen the person came from, for a Back that returns there (the history keeps none). */
export const previousRouteName = shallowRef<RouteRecordNameGeneric>()
router.afterEach((_to, from) => {
  previousRouteName.value = from.name
})
