import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { ConsolePermission } from '@shared/api/console/roles'
import { homeFor } from './home-page'
import type { MessageSchema } from './i18n'
import { useSessionStore } from './stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** What the page needs; a role without it sees "not available to your role". */
    permission?: ConsolePermission
    /** Pages before sign-in. */
    public?: boolean
    /** The navigation's name of the page, also the document's title. */
    title: keyof MessageSchema['nav'] | 'signIn' | 'enrol' | 'forbidden'
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', redirect: () => ({ name: 'fleet' }), meta: { title: 'fleet' } },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./views/SignInView.vue'),
    meta: { public: true, title: 'signIn' },
  },
  {
    path: '/enrol',
    name: 'enrol',
    component: () => import('./views/EnrolView.vue'),
    meta: { public: true, title: 'enrol' },
  },
  {
    path: '/fleet',
    name: 'fleet',
    component: () => import('./views/FleetView.vue'),
    meta: { permission: 'fleet', title: 'fleet' },
  },
  {
    path: '/activity',
    name: 'activity',
    component: () => import('./views/ActivityView.vue'),
    meta: { permission: 'activity', title: 'activity' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('./views/AuditView.vue'),
    meta: { permission: 'audit', title: 'audit' },
  },
  {
    path: '/accounts',
    name: 'people',
    component: () => import('./views/PeopleView.vue'),
    meta: { permission: 'staff', title: 'people' },
  },
  {
    path: '/me',
    name: 'account',
    component: () => import('./views/AccountView.vue'),
    meta: { title: 'account' },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./views/ForbiddenView.vue'),
    meta: { title: 'forbidden' },
  },
  { path: '/:rest(.*)', redirect: { name: 'home' }, meta: { title: 'fleet' } },
]

/**
 * History mode under `/console/` (the service answers every path there with the app): each page
 * and its filters have an address, as in Grafana and Keycloak's admin console. A page needs a
 * session; a page the role may not use says so rather than pretending it does not exist.
 */
export function createConsoleRouter() {
  const router = createRouter({ history: createWebHistory('/console/'), routes })
  router.beforeEach((to) => {
    const session = useSessionStore()
    if (to.meta.public) return session.account ? { name: homeFor(session.may) } : true
    if (!session.account) return { name: 'sign-in' }
    if (to.name === 'home') return { name: homeFor(session.may) }
    if (to.meta.permission && !session.may(to.meta.permission))
      return { name: 'forbidden', replace: true }
    return true
  })
  return router
}
