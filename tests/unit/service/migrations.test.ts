import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '@service/db/database'
import { migrations } from '@service/db/migrations'

/** A database as version 1 left it, with a little of everything version 2 changes. */
function versionOneDatabase(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'v1.db')
  const db = new Database(file)
  db.exec(migrations[0]!.sql)
  db.pragma('user_version = 1')
  db.exec(`
    INSERT INTO accounts (id, email, first_name, last_name, password_hash, locale, status,
      failed_sign_ins, locked_until, created_at)
    VALUES ('p', 'pending@example.ca', 'Alex', 'Roy', 'scrypt$x', 'fr-CA', 'pending', 0, 0, 1),
           ('a', 'active@example.ca', 'Sam', 'Lee', 'scrypt$y', 'en-CA', 'active', 4, 0, 1);
    INSERT INTO verifications (id, purpose, effect, email, account_id, locale, code_hash,
      code_expires_at, attempts_left, last_sent_at, created_at)
    VALUES ('v', 'registration', 'activate', 'pending@example.ca', 'p', 'fr-CA', 'h', 9e12, 5, 1, 1);
    INSERT INTO link_tokens (token_hash, kind, email, account_id, expires_at, created_at)
    VALUES ('t', 'activate', 'pending@example.ca', 'p', 9e12, 1);
    INSERT INTO mails (to_address, subject, text, html, created_at, sent_at)
    VALUES ('pending@example.ca', 's', 'code 123456', '<p>123456</p>', 1, 1);
    INSERT INTO idempotency_keys (device_id, key, request_hash, state, created_at)
    VALUES ('d', 'k', 'sha256-of-a-body-with-a-password', 'done', 1);
  `)
  db.close()
  return file
}

describe('migrating a version-1 database', () => {
  it('ends old registrations, keeps sign-in failures, drops fast fingerprints, marks mails', () => {
    const db = openDatabase(versionOneDatabase())
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version)
      expect(
        db.prepare("SELECT first_name, password_hash FROM accounts WHERE id = 'p'").get(),
      ).toEqual({ first_name: '', password_hash: '' })
      expect(db.prepare("SELECT completed_at FROM verifications WHERE id = 'v'").get()).toEqual({
        completed_at: 1,
      })
      expect(db.prepare("SELECT expires_at FROM link_tokens WHERE token_hash = 't'").get()).toEqual(
        { expires_at: 1 },
      )
      expect(db.prepare('SELECT email, failures, in_flight FROM sign_in_throttle').all()).toEqual([
        { email: 'active@example.ca', failures: 4, in_flight: 0 },
      ])
      expect(db.prepare('SELECT count(*) AS n FROM idempotency_keys').get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT kind, status FROM mails').get()).toEqual({
        kind: 'unknown',
        status: 'sent',
      })
    } finally {
      db.close()
    }
  })
})
