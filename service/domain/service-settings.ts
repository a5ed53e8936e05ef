import type { Db } from '../db/database'

/**
 * A database started once with `--demo` stays a demo database: its outbox is the mailbox people
 * read, so an office command run against it later (without `--demo`) must not erase the bodies
 * of its mails, as it would for a production database. Runs before the service context exists.
 */
export function markDemoDatabase(db: Db): void {
  db.prepare(
    "INSERT INTO service_settings (name, value) VALUES ('demo', '1') ON CONFLICT (name) DO NOTHING",
  ).run()
}

export function isDemoDatabase(db: Db): boolean {
  return db.prepare("SELECT 1 FROM service_settings WHERE name = 'demo'").get() !== undefined
}
