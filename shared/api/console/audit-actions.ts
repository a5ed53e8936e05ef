/**
 * What the console does that the audit records (docs/console.md), beside the counter desk's
 * actions (`staffAuditActions` in ../staff.ts). Plain data.
 */
export const consoleAuditActions = [
  'console_enrol',
  'console_sign_in',
  'console_sign_out',
  'console_password_change',
  'device_add',
  'device_role',
  'device_disable',
  'device_token',
  'staff_add',
  'staff_disable',
  'staff_reset',
  'staff_unlock',
  'console_account_add',
  'console_account_disable',
  'console_account_reset',
  'console_account_unlock',
] as const
export type ConsoleAuditAction = (typeof consoleAuditActions)[number]

/** The registrar reads the counter desk's part of the audit: what staff did, and to staff. */
export const staffAccountAuditActions = [
  'staff_add',
  'staff_disable',
  'staff_reset',
  'staff_unlock',
] as const satisfies readonly ConsoleAuditAction[]
