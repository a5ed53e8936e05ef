import type { Db } from '../db/store'

/**
 * A database started once with `--demo` stays a demo database: its outbox is the mailbox people
 * read, so an office command run against it later (without `--demo`) must not erase the bodies
 * of its mails, as it would for a production database. Runs before the service context exists.
 */
export async function markDemoDatabase(db: Db): Promise<void> {
  await db
    .insertInto('service_settings')
    .values({ name: 'demo', value: '1' })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute()
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('service_settings')
    .select('name')
    .where('name', '=', 'demo')
    .executeTakeFirst()
  return row !== undefined
}
