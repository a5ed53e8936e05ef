import type { Clock } from './clock'
import type { Db, Store } from './db/store'
import type { Mailer } from './mail/mailer'
import type { PasswordHasher } from './security/passwords'

export interface ServiceContext {
  store: Store
  /**
   * Where queries go: the store's pool, or, inside `inTransaction` (service/db/transactions.ts),
   * that transaction. Domain code only ever uses the `db` of the context it was given.
   */
  db: Db
  clock: Clock
  hasher: PasswordHasher
  /** Queues mail through `db` (so inside a transaction, in it) and delivers after commit. */
  mailer: Mailer
  /** Where invitation and activation links point on the web (`https://<portalHost>`). */
  portalUrl: string
  demo: boolean
  /**
   * Mail bodies stay after delivery only in a demo database's outbox (the mailbox people read);
   * everywhere else they are erased (docs/data-retention.md).
   */
  keepMailBodies: boolean
  adminTokenHash: string
  /** Keys the MACs of codes and idempotency fingerprints; kept outside the database. */
  serviceKey: Buffer
  /** Draws a six-digit code (the CSPRNG; tests may script it). */
  newCode: () => string
  /** The console's address as IT opens it, for the links in alert mails (docs/console.md). */
  consoleUrl?: string
}
