import { shallowRef } from 'vue'
import type { RouteRecordNameGeneric } from 'vue-router'

/**
 * The screen the person came from, for a Back that returns there (the history keeps none). Set by
 * the router after each navigation; its own module so a screen can read it without importing the
 * router, which imports the screens.
 */
export const previousRouteName = shallowRef<RouteRecordNameGeneric>()
