import type { Transporter } from 'nodemailer'
import type { Locale } from '@shared/locales'
import type { Clock } from '../clock'
import { forgetErasedPages, type Db } from '../db/database'
import { apiError } from '../errors'
import { limits } from '../limits'
import { composeMail } from './compose'
import { renderMail, type MailTemplate } from './templates'

export interface Mailer {
  /** True if this address may get another mail now (≤ 5 per hour, decoys counted). */
  underHourlyCap(email: string): boolean
  /**
   * Queues a real mail, inside the caller's transaction; no locale: both languages, French
   * first. Every mail counts against its address's hourly cap, and none is queued past it: over
   * the cap this throws `rate_limited` (issue 25, rule 3), so no caller can forget the cap.
   */
  enqueue(to: string, template: MailTemplate, locale: Locale | undefined): void
  /** Counts a mail that is deliberately not sent, so unknown addresses hit the cap alike. */
  recordDecoy(email: string): void
  /** Sends queued mails over SMTP (no-op for the outbox). Called after each commit. */
  flush(): void
  close(): Promise<void>
}

export interface MailerOptions {
  transport: Transporter | undefined
  from: string
  /**
   * Only the demo's outbox keeps a mail's body (it is the mailbox people read). Everywhere else
   * the body, with its code or link, is erased once SMTP has the mail: a copy of the database
   * must not hold live links (docs/data-retention.md).
   */
  keepBodies: boolean
}

/** The domain of the sender's address (`MesCertif <no-reply@example.ca>` → `example.ca`). */
export function senderDomain(from: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1]
  if (!domain) throw new Error('the sender address (mailFrom) has no domain')
  return domain.toLowerCase()
}

/**
 * Mails are queued in the database in the same transaction as the state change that causes
 * them, then delivered after the response: a crash never loses one, and the response time does
 * not depend on whether a mail is sent (no enumeration by timing).
 */
export function createMailer(db: Db, clock: Clock, options: MailerOptions): Mailer {
  const { transport, from, keepBodies } = options
  const fromDomain = senderDomain(from)
  // The envelope's sender: the address inside `Name <address>`.
  const fromAddress = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim()
  const insertEvent = db.prepare('INSERT INTO mail_events (email, at) VALUES (?, ?)')
  // One conditional statement: the mail is counted only while the address is under its cap.
  const insertEventUnderCap = db.prepare(
    `INSERT INTO mail_events (email, at) SELECT :email, :now
     WHERE (SELECT count(*) FROM mail_events WHERE email = :email AND at > :since) < :cap`,
  )
  const countEvents = db.prepare('SELECT count(*) AS n FROM mail_events WHERE email = ? AND at > ?')
  const insertMail = db.prepare(
    `INSERT INTO mails (to_address, kind, subject, text, html, content_language, created_at,
       sent_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const pending = db.prepare(
    "SELECT id, to_address, subject, text, html, content_language FROM mails WHERE status = 'queued' ORDER BY id LIMIT 20",
  )
  const erase = (when: string) =>
    keepBodies
      ? ''
      : `, text = CASE WHEN ${when} THEN '' ELSE text END, html = CASE WHEN ${when} THEN '' ELSE html END`
  const markSent = db.prepare(
    `UPDATE mails SET status = 'sent', sent_at = ?, attempts = attempts + 1${erase('1')} WHERE id = ?`,
  )
  const lastAttempt = `attempts + 1 >= ${limits.mailDeliveryAttempts}`
  const markFailed = db.prepare(
    `UPDATE mails SET attempts = attempts + 1,
       status = CASE WHEN ${lastAttempt} THEN 'failed' ELSE status END${erase(lastAttempt)}
     WHERE id = ?`,
  )

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
        content_language: string
      }[]
      if (batch.length === 0) {
        if (!keepBodies) forgetErasedPages(db)
        return
      }
      for (const mail of batch) {
        try {
          await transport.sendMail({
            envelope: { from: fromAddress, to: mail.to_address },
            raw: await composeMail(mail, from, fromDomain),
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
    enqueue(to, template, locale) {
      const now = clock.now()
      // IT's fleet alerts have their own pace (five, then digests: fleet-alerts.ts); the cap
      // guards the people the service writes to on behalf of an attempt.
      const fleetMail = template.kind === 'fleetAlert' || template.kind === 'fleetDigest'
      const counted = (
        fleetMail ? { run: () => insertEvent.run(to, now) } : insertEventUnderCap
      ).run({
        email: to,
        now,
        since: now - limits.mailWindowMs,
        cap: limits.mailsPerAddressPerHour,
      })
      if (counted.changes !== 1)
        throw apiError(429, 'rate_limited', { retryAfterSeconds: limits.mailWindowMs / 1000 })
      const content = renderMail(template, locale)
      const row = (body: { text: string; html: string }, sentAt: number | null, status: string) =>
        insertMail.run(
          to,
          template.kind,
          content.subject,
          body.text,
          body.html,
          content.language,
          now,
          sentAt,
          status,
        )
      // Without SMTP the demo's queue is its outbox: "sent" as soon as it is written. Outside the
      // demo nothing can deliver it, so its body is never stored.
      if (transport) row(content, null, 'queued')
      else if (keepBodies) row(content, now, 'sent')
      else row({ text: '', html: '' }, null, 'dropped')
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
