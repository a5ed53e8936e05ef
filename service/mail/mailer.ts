import { sql } from 'kysely'
import type { Transporter } from 'nodemailer'
import type { Locale } from '@shared/locales'
import type { Clock } from '../clock'
import { lockAddressesOn } from '../db/address-locks'
import type { Db, Store } from '../db/store'
import { apiError } from '../errors'
import { limits } from '../limits'
import { composeMail } from './compose'
import type { MailTemplate } from './mail-template'
import { renderMail } from './templates'

export interface Mailer {
  /** True if this address may get another mail now (≤ 5 per hour, decoys counted). */
  underHourlyCap(email: string): Promise<boolean>
  /**
   * Queues a real mail, inside the caller's transaction; no locale: both languages, French
   * first. Every mail counts against its address's hourly cap, and none is queued past it: over
   * the cap this throws `rate_limited` (issue 25, rule 3), so no caller can forget the cap.
   */
  enqueue(to: string, template: MailTemplate, locale: Locale | undefined): Promise<void>
  /** Counts a mail that is deliberately not sent, so unknown addresses hit the cap alike. */
  recordDecoy(email: string): Promise<void>
  /** Sends queued mails over SMTP (no-op for the outbox). Called after each commit. */
  flush(): void
  close(): Promise<void>
  /** The same mailer, queueing through `db` (a transaction: service/db/transactions.ts). */
  within(db: Db): Mailer
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

/** An instance delivering a mail holds it this long; if it dies meanwhile, another sends it. */
const CLAIM_MS = 5 * 60_000
const BATCH = 20

/**
 * Mails are queued in the database in the same transaction as the state change that causes
 * them, then delivered after the response: a crash never loses one, and the response time does
 * not depend on whether a mail is sent (no enumeration by timing). Every instance delivers; each
 * first claims a batch in one conditional statement, so no mail goes out twice.
 */
export function createMailer(store: Store, clock: Clock, options: MailerOptions): Mailer {
  const { transport, from, keepBodies } = options
  const fromDomain = senderDomain(from)
  // The envelope's sender: the address inside `Name <address>`.
  const fromAddress = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim()
  const db = store.db
  const erased = keepBodies ? {} : { text: '', html: '' }

  /** Claims up to a batch of queued mails nobody else holds; a claim is re-checked per row. */
  const claimBatch = (now: number) => {
    const unclaimed = sql<boolean>`(claimed_until IS NULL OR claimed_until <= ${now})`
    return db
      .updateTable('mails')
      .set({ claimed_until: now + CLAIM_MS })
      .where('status', '=', 'queued')
      .where(unclaimed)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('mails')
          .select('id')
          .where('status', '=', 'queued')
          .where(unclaimed)
          .orderBy('id')
          .limit(BATCH),
      )
      .returning(['id', 'to_address', 'subject', 'text', 'html', 'content_language'])
      .execute()
  }

  const markSent = (id: number) =>
    db
      .updateTable('mails')
      .set((eb) => ({
        status: 'sent',
        sent_at: clock.now(),
        attempts: eb('attempts', '+', 1),
        claimed_until: null,
        ...erased,
      }))
      .where('id', '=', id)
      .execute()

  const lastAttempt = sql<boolean>`attempts + 1 >= ${limits.mailDeliveryAttempts}`
  const markFailed = (id: number) =>
    db
      .updateTable('mails')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status: sql`CASE WHEN ${lastAttempt} THEN 'failed' ELSE status END`,
        claimed_until: null,
        ...(keepBodies
          ? {}
          : {
              text: sql`CASE WHEN ${lastAttempt} THEN '' ELSE text END`,
              html: sql`CASE WHEN ${lastAttempt} THEN '' ELSE html END`,
            }),
      }))
      .where('id', '=', id)
      .execute()

  let sending: Promise<void> | undefined
  let again = false

  async function deliver(): Promise<void> {
    if (!transport) return
    for (;;) {
      const batch = await claimBatch(clock.now())
      if (batch.length === 0) {
        if (!keepBodies) await store.forgetErasedPages()
        return
      }
      for (const mail of batch) {
        try {
          await transport.sendMail({
            envelope: { from: fromAddress, to: mail.to_address },
            raw: await composeMail(mail, from, fromDomain),
          })
          await markSent(mail.id)
        } catch {
          await markFailed(mail.id)
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
    sending = deliver()
      .catch((error: unknown) => console.error(`mail delivery failed: ${(error as Error).name}`))
      .finally(() => {
        sending = undefined
        if (again) {
          again = false
          flush()
        }
      })
  }

  async function close() {
    while (sending) await sending
    transport?.close()
  }

  function queueThrough(queue: Db): Mailer {
    /**
     * The hourly cap is a count of `mail_events` followed by an insert: every step of it holds
     * the address's lock (service/db/transactions.ts) until the caller's transaction ends, so
     * two instances cannot both count four and both mail a fifth and sixth. On SQLite the
     * insert below is also one conditional statement, as it always was.
     */
    const holdAddress = (email: string) => lockAddressesOn(store.engine, queue, [email])
    const recentMails = (email: string, now: number) =>
      queue
        .selectFrom('mail_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', email)
        .where('at', '>', now - limits.mailWindowMs)
    const recordEvent = async (email: string, at: number) => {
      await holdAddress(email)
      await queue.insertInto('mail_events').values({ email, at }).execute()
    }
    /** One conditional statement: the mail is counted only while the address is under its cap. */
    const recordEventUnderCap = async (email: string, at: number) => {
      await holdAddress(email)
      const counted = await queue
        .insertInto('mail_events')
        .columns(['email', 'at'])
        .expression(
          queue
            .selectNoFrom([
              sql<string>`CAST(${email} AS TEXT)`.as('email'),
              sql<number>`CAST(${at} AS BIGINT)`.as('at'),
            ])
            .where(recentMails(email, at), '<', limits.mailsPerAddressPerHour),
        )
        .executeTakeFirst()
      return counted.numInsertedOrUpdatedRows === 1n
    }
    return {
      async underHourlyCap(email) {
        await holdAddress(email)
        const row = await recentMails(email, clock.now()).executeTakeFirstOrThrow()
        return row.n < limits.mailsPerAddressPerHour
      },
      async enqueue(to, template, locale) {
        const now = clock.now()
        // IT's fleet alerts have their own pace (five, then digests: fleet-alerts.ts); the cap
        // guards the people the service writes to on behalf of an attempt.
        const fleetMail = template.kind === 'fleetAlert' || template.kind === 'fleetDigest'
        if (fleetMail) await recordEvent(to, now)
        else if (!(await recordEventUnderCap(to, now)))
          throw apiError(429, 'rate_limited', { retryAfterSeconds: limits.mailWindowMs / 1000 })
        const content = renderMail(template, locale)
        const row = (
          body: { text: string; html: string },
          sentAt: number | null,
          status: 'queued' | 'sent' | 'dropped',
        ) =>
          queue
            .insertInto('mails')
            .values({
              to_address: to,
              kind: template.kind,
              subject: content.subject,
              text: body.text,
              html: body.html,
              content_language: content.language,
              created_at: now,
              sent_at: sentAt,
              status,
            })
            .execute()
        // Without SMTP the demo's queue is its outbox: "sent" as soon as it is written. Outside
        // the demo nothing can deliver it, so its body is never stored.
        if (transport) await row(content, null, 'queued')
        else if (keepBodies) await row(content, now, 'sent')
        else await row({ text: '', html: '' }, null, 'dropped')
      },
      async recordDecoy(email) {
        await recordEvent(email, clock.now())
      },
      flush,
      close,
      within: queueThrough,
    }
  }

  return queueThrough(db)
}
