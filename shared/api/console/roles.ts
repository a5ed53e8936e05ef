/**
 * Who may do what in the console (docs/console.md): one table, read by the service to refuse and
 * by the console to show only what a person may use. Plain data, no zod.
 */
export const consoleRoles = ['it', 'registrar'] as const
export type ConsoleRole = (typeof consoleRoles)[number]

export const consolePermissions = {
  /** Every device's state, live; add a device, change its role, disable it. */
  fleet: ['it'],
  /** Aggregate counts per kiosk and hour: no personal data. */
  activity: ['it', 'registrar'],
  /** IT reads the whole audit; the registrar the counter desk's part of it. */
  audit: ['it', 'registrar'],
  /** Counter staff accounts: add, disable, reset, lift a lock. */
  staff: ['it', 'registrar'],
  /** Console accounts themselves. */
  consoleAccounts: ['it'],
} as const satisfies Record<string, readonly ConsoleRole[]>

export type ConsolePermission = keyof typeof consolePermissions

export const mayUse = (role: ConsoleRole, permission: ConsolePermission): boolean =>
  (consolePermissions[permission] as readonly ConsoleRole[]).includes(role)
