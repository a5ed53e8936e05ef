/**
 * Words of an audit row's detail that the service writes and the console translates
 * (docs/console.md, "Audit"), separated by spaces. Other details are a role's name, which the
 * console translates too, or what the row acted with (an address corrected), shown as written.
 * Plain data, for both sides.
 */
export const AUDIT_DETAIL = {
  /** Done by IT at the service's command line. */
  commandLine: 'cli',
  /** Done by IT through the admin API. */
  adminApi: 'admin_api',
  /** A disabled device given a new token: it is back in service. */
  reenabled: 'reenabled',
} as const
/** How IT acted when not from the console: the detail of that action's row. */
export type ItChannel = typeof AUDIT_DETAIL.commandLine | typeof AUDIT_DETAIL.adminApi

/** One detail from its words, or none when there is no word. */
export const auditDetail = (...words: (string | false)[]): string | undefined =>
  words.filter((word): word is string => word !== false).join(' ') || undefined

/** A detail's words, for the console to translate one by one. */
export const auditDetailWords = (detail: string): string[] => detail.split(' ').filter(Boolean)
