/**
 * PostgreSQL advisory locks the service takes, as (space, key) pairs: what each space guards.
 * Transaction-scoped (`pg_advisory_xact_lock`): they end with the transaction, a crash included.
 */
export const ADVISORY_LOCKS = {
  /** Applying schema migrations (key 0). */
  migrations: 7301,
  /** Background jobs run by one instance at a time (key: the job's number, `JOBS`). */
  jobs: 7302,
  /** Everything decided about one address (key: `hashtext(address)`), service/db/transactions.ts. */
  addresses: 7303,
  /** Device tokens: a replacement, and a start adding the tokens it was given (key 0). */
  deviceTokens: 7304,
} as const

/** The jobs of `ADVISORY_LOCKS.jobs`. */
export const JOBS = {
  retention: 1,
  demoSeed: 2,
  fleetAlerts: 3,
} as const
