import MailComposer from 'nodemailer/lib/mail-composer'
import { withQrAttachments } from './qr-image'

/** A queued mail as the mailer reads it back from the database. */
export interface QueuedMail {
  to_address: string
  subject: string
  text: string
  html: string
  content_language: string
}

/**
 * The message as it leaves over SMTP (nodemailer's composer; the transport signs it with DKIM when
 * configured). Headers a registrar's mail needs to stay out of junk folders:
 * - `Auto-Submitted: auto-generated` (RFC 3834), so vacation responders and ticket systems do not
 *   answer it, and `Content-Language` with its languages in order;
 * - the QR images as inline attachments whose Content-IDs are on the sender's domain;
 * - `To: <address>`: nodemailer writes a bare address, which beside an HTML part with one image
 *   is a spam signal (SpamAssassin's TO_NO_BRKTS_HTML_IMG), and it has no option for brackets.
 *   The address was validated before it was stored: no line break can reach the header.
 */
export async function composeMail(mail: QueuedMail, from: string, senderDomain: string) {
  const { html, attachments } = withQrAttachments(mail.html, senderDomain)
  const message = await new MailComposer({
    from,
    to: mail.to_address,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'Content-Language': mail.content_language,
    },
    subject: mail.subject,
    text: mail.text,
    html,
    attachments,
  })
    .compile()
    .build()
  const raw = message.toString('utf8')
  const headerEnd = raw.indexOf('\r\n\r\n')
  const headers = raw.slice(0, headerEnd).replace(/^To: .*$/m, () => `To: <${mail.to_address}>`)
  return headers + raw.slice(headerEnd)
}
