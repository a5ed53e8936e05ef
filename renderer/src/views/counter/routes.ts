import type { RouteRecordRaw } from 'vue-router'
import { useCounterStore } from '../../stores/counter'

/**
 * The counter desk's screens (docs/product.md, "Counter desk"): staff sign-in, first-time
 * enrolment, and the desk itself, which only a signed-in staff member reaches. The service
 * enforces the same; the guard only spares staff a screen that cannot work.
 */
export const counterRoutes: RouteRecordRaw[] = [
  {
    path: '/counter/sign-in',
    name: 'counter-sign-in',
    component: () => import('./CounterSignInView.vue'),
  },
  {
    path: '/counter/enrol',
    name: 'counter-enrol',
    component: () => import('./CounterEnrolView.vue'),
  },
  {
    path: '/counter',
    name: 'counter-desk',
    component: () => import('./CounterDeskView.vue'),
    beforeEnter: () => (useCounterStore().staffName ? true : { name: 'counter-sign-in' }),
  },
]
