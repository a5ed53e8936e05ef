import type { RouteRecordRaw } from 'vue-router'
import { useLinkStore } from './stores/link'
import { useRecoveryStore } from './stores/recovery'
import { useRegistrationStore } from './stores/registration'
import { useSessionStore } from './stores/session'
import { counterRoutes } from './views/counter/routes'

/**
 * Every screen but Welcome, added to the router right after the first screen is up
 * (`ensureRoutes` in route-loading.ts, docs/performance.md). One route per screen, each loaded when first
 * shown; a multi-step flow is a parent route with a child per step, and each step's guard sends a
 * person back to the first unfinished step.
 */
export const flowRoutes: RouteRecordRaw[] = [
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
]
