import type { Clock } from './clock'
import type { Db } from './db/database'
import type { Mailer } from './mail/mailer'
import type { PasswordHasher } from './security/passwords'

export interface ServiceContext {
  db: Db
  clock: Clock
  hasher: PasswordHasher
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
