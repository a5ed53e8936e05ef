import type { ConsolePermission } from '@shared/api/console/roles'

/**
 * The first page a role may use: IT's is the fleet, the registrar's the activity. Its own module so
 * the sign-in page can use it without importing the router, which imports the pages.
 */
export const homeFor = (may: (permission: ConsolePermission) => boolean) =>
  may('fleet') ? 'fleet' : 'activity'
