import {
  createMemoryHistory,
  createRouter,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router'
import type { FlowStep } from './flow-steps'
import { previousRouteName } from './previous-route'
import { useRecoveryStore } from './stores/recovery'
import { useRegistrationStore } from './stores/registration'
import { useSessionStore } from './stores/session'
import { useLinkStore } from './stores/link'
import WelcomeView from './views/WelcomeView.vue'
import { counterRoutes } from './views/counter/routes'

// Typed once here, the way vue-router documents it, so no screen casts `route.meta`.
declare module 'vue-router' {
  interface RouteMeta {
    /** The step of its flow a screen is, for the step indicator. */
    step?: FlowStep
  }
}

/**
 * One route per screen, each loaded when first shown but Welcome, the first screen, which comes
 * with the app (docs/performance.md); a multi-step flow is a parent route with a child per step, and each step's
 * guard sends a person back to the first unfinished step. Memory history: a kiosk has no address
 * bar, and nothing of a session should survive in the URL.
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'welcome', component: WelcomeView },
  {
    path: '/register',
    component: () => import('./views/register/RegisterFlow.vue'),
    children: [
      { path: '', redirect: { name: 'register-identity' } },
      {
        path: 'identity',
        name: 'register-identity',
        meta: { step: 'identity' },
        component: () => import('./views/register/IdentityView.vue'),
      },
      {
        path: 'password',
        name: 'register-password',
        meta: { step: 'password' },
        component: () => import('./views/register/PasswordView.vue'),
        beforeEnter: () =>
          useRegistrationStore().identityConfirmed ? true : { name: 'register-identity' },
      },
      {
        path: 'code',
        name: 'register-code',
        meta: { step: 'code' },
        component: () => import('./views/register/CodeView.vue'),
        beforeEnter: () =>
          useRegistrationStore().maskedEmail ? true : { name: 'register-password' },
      },
      {
        path: 'done',
        name: 'register-done',
        meta: { step: 'done' },
        component: () => import('./views/register/DoneView.vue'),
        beforeEnter: () => (useRegistrationStore().activated ? true : { name: 'register-code' }),
      },
    ],
  },
  { path: '/sign-in', name: 'sign-in', component: () => import('./views/SignInView.vue') },
  {
    path: '/signed-in',
    name: 'signed-in',
    component: () => import('./views/SignedInView.vue'),
    beforeEnter: () => (useSessionStore().profile ? true : { name: 'sign-in' }),
  },
  {
    path: '/recovery',
    component: () => import('./views/recovery/RecoveryFlow.vue'),
    children: [
      {
        path: '',
        name: 'recovery-email',
        meta: { step: 'email' },
        component: () => import('./views/recovery/RecoveryEmailView.vue'),
      },
      {
        path: 'code',
        name: 'recovery-code',
        meta: { step: 'code' },
        component: () => import('./views/recovery/RecoveryCodeView.vue'),
        beforeEnter: () => (useRecoveryStore().requested ? true : { name: 'recovery-email' }),
      },
      {
        path: 'new-password',
        name: 'recovery-new-password',
        meta: { step: 'newPassword' },
        component: () => import('./views/recovery/NewPasswordView.vue'),
        beforeEnter: () =>
          useRecoveryStore().mayResetPassword ? true : { name: 'recovery-email' },
      },
      {
        path: 'done',
        name: 'recovery-done',
        meta: { step: 'done' },
        component: () => import('./views/recovery/RecoveryDoneView.vue'),
        beforeEnter: () => (useRecoveryStore().outcome ? true : { name: 'recovery-email' }),
      },
    ],
  },
  { path: '/link', name: 'link-entry', component: () => import('./views/link/LinkEntryView.vue') },
  {
    path: '/link/activate',
    name: 'link-activate',
    component: () => import('./views/link/LinkActivateView.vue'),
  },
  {
    path: '/link/problem',
    name: 'link-problem',
    component: () => import('./views/link/LinkProblemView.vue'),
    beforeEnter: () => (useLinkStore().error ? true : { name: 'link-entry' }),
  },
  { path: '/questions', name: 'questions', component: () => import('./views/QuestionsView.vue') },
  ...counterRoutes,
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
