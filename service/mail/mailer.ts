import { sql } from 'kysely'
import type { Transporter } from 'nodemailer'
import type { Locale } from '@shared/locales'
import type { Clock } from '../clock'
import type { Db, Store } from '../db/store'
import { lockAddressesOn } from '../db/address-locks'
import { limits } from '../limits'
import { withQrImages } from './qr-image'
import { renderMail, type MailTemplate } from './templates'

export interface Mailer {
  /** True if this address may get another mail now (≤ 5 per hour, decoys counted). */
  underHourlyCap(email: string): Promise<boolean>
  /** Queues a real mail, inside the caller's transaction. */
  enqueue(to: string, template: MailTemplate, locale: Locale): Promise<void>
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
      .returning(['id', 'to_address', 'subject', 'text', 'html'])
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
            from,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.text,
            html: withQrImages(mail.html),
            // The QR code's data: URL goes as an inline (cid:) image: mail clients show those.
            attachDataUrls: true,
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
     * two instances cannot both count four and both mail a fifth and sixth.
     */
    const holdAddress = (email: string) => lockAddressesOn(store.engine, queue, [email])
    const recordEvent = async (email: string, at: number) => {
      await holdAddress(email)
      await queue.insertInto('mail_events').values({ email, at }).execute()
    }
    return {
      async underHourlyCap(email) {
        await holdAddress(email)
        const row = await queue
          .selectFrom('mail_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('email', '=', email)
          .where('at', '>', clock.now() - limits.mailWindowMs)
          .executeTakeFirstOrThrow()
        return row.n < limits.mailsPerAddressPerHour
      },
      async enqueue(to, template, locale) {
        const now = clock.now()
        const content = renderMail(template, locale)
        await recordEvent(to, now)
        const mail = {
          to_address: to,
          kind: template.kind,
          subject: content.subject,
          created_at: now,
        }
        if (transport) {
          await queue
            .insertInto('mails')
            .values({
              ...mail,
              text: content.text,
              html: content.html,
              sent_at: null,
              status: 'queued',
            })
            .execute()
        } else if (keepBodies) {
          // Without SMTP the demo's queue is its outbox: "sent" as soon as it is written.
          await queue
            .insertInto('mails')
            .values({
              ...mail,
              text: content.text,
              html: content.html,
              sent_at: now,
              status: 'sent',
            })
            .execute()
        } else {
          // No SMTP outside the demo: nothing can deliver it, so its body is never stored.
          await queue
            .insertInto('mails')
            .values({ ...mail, text: '', html: '', sent_at: null, status: 'dropped' })
            .execute()
        }
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
