import type { Transporter } from 'nodemailer'
import type { Clock } from '../clock'
import type { Db } from '../db/database'
import { limits } from '../limits'
import type { MailContent } from './templates'

export interface Mailer {
  /** True if this address may get another mail now (≤ 5 per hour, decoys counted). */
  underHourlyCap(email: string): boolean
  /** Queues a real mail, inside the caller's transaction. */
  enqueue(to: string, content: MailContent): void
  /** Counts a mail that is deliberately not sent, so unknown addresses hit the cap alike. */
  recordDecoy(email: string): void
  /** Sends queued mails over SMTP (no-op for the outbox). Called after each commit. */
  flush(): void
  close(): Promise<void>
}

/**
 * Mails are queued in the database in the same transaction as the state change that causes
 * them, then delivered after the response: a crash never loses one, and the response time does
 * not depend on whether a mail is sent (no enumeration by timing).
 */
export function createMailer(
  db: Db,
  clock: Clock,
  transport: Transporter | undefined,
  from: string,
): Mailer {
  const insertEvent = db.prepare('INSERT INTO mail_events (email, at) VALUES (?, ?)')
  const countEvents = db.prepare('SELECT count(*) AS n FROM mail_events WHERE email = ? AND at > ?')
  const insertMail = db.prepare(
    'INSERT INTO mails (to_address, subject, text, html, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const pending = db.prepare(
    'SELECT id, to_address, subject, text, html FROM mails WHERE sent_at IS NULL AND attempts < 5 ORDER BY id LIMIT 20',
  )
  const markSent = db.prepare('UPDATE mails SET sent_at = ?, attempts = attempts + 1 WHERE id = ?')
  const markFailed = db.prepare('UPDATE mails SET attempts = attempts + 1 WHERE id = ?')

  let sending: Promise<void> | undefined
  let again = false

  async function deliver(): Promise<void> {
    if (!transport) return
    for (;;) {
      const batch = pending.all() as {
        id: number
        to_address: string
        subject: string
        text: string
        html: string
      }[]
      if (batch.length === 0) return
      for (const mail of batch) {
        try {
          await transport.sendMail({
            from,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          })
          markSent.run(clock.now(), mail.id)
        } catch {
          markFailed.run(mail.id)
        }
      }
    }
  }

  function flush() {
    if (!transport) return
    if (sending) {
      again = true
      return
    }
    sending = deliver().finally(() => {
      sending = undefined
      if (again) {
        again = false
        flush()
      }
    })
  }

  return {
    underHourlyCap(email) {
      const row = countEvents.get(email, clock.now() - limits.mailWindowMs) as { n: number }
      return row.n < limits.mailsPerAddressPerHour
    },
    enqueue(to, content) {
      const now = clock.now()
      insertEvent.run(to, now)
      // Without SMTP the queue is the demo outbox: "sent" as soon as it is written.
      insertMail.run(to, content.subject, content.text, content.html, now, transport ? null : now)
    },
    recordDecoy(email) {
      insertEvent.run(email, clock.now())
    },
    flush,
    async close() {
      while (sending) await sending
      transport?.close()
    },
  }
}
