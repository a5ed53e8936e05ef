import nodemailer from 'nodemailer'
import { describe, expect, it } from 'vitest'
import { withQrImages } from '@service/mail/qr-image'
import { renderMail, type MailTemplate } from '@service/mail/templates'
import { decodeMailQr } from '../../../fixtures/mail-qr'

const token = 'Ql9aL9KGsWYT4g6QyPw7u3hUwrlmeIKsN_ZLWahLLaA'
const links = (kind: string) => ({
  appLink: `mescertif://${kind}/${token}`,
  webLink: `https://mescertif.example.ca/kiosk/${kind}/${token}`,
})
const withLinks: MailTemplate[] = [
  { kind: 'invitation', institution: 'Cégep de Lévis', ...links('invite') },
  { kind: 'registrationCode', code: '482913', ...links('activate') },
  { kind: 'recoveryActivation', code: '482913', ...links('activate') },
  { kind: 'recoveryReset', code: '482913', ...links('reset') },
]

describe('mails: a QR code of the https link, the code large, French typography', () => {
  for (const locale of ['fr-CA', 'en-CA'] as const) {
    it.each(withLinks.map((template) => [template.kind, template] as const))(
      `%s (${locale}): its QR code reads as the mail's https link`,
      (_kind, template) => {
        const mail = renderMail(template, locale)
        expect(decodeMailQr(withQrImages(mail.html))).toBe(
          'webLink' in template ? template.webLink : '',
        )
      },
    )
  }

  it('shows the code in 32 px bold, alone on its line in the text', () => {
    const mail = renderMail(
      { kind: 'registrationCode', code: '482913', ...links('activate') },
      'fr-CA',
    )
    expect(mail.html).toContain('font-size:32px;font-weight:bold;letter-spacing:6px">482913<')
    expect(mail.text.split('\n')).toContain('482913')
  })

  it('draws no image while rendering (on the request path): the QR is drawn when the mail is read or sent', () => {
    const mail = renderMail({ kind: 'recoveryReset', code: '482913', ...links('reset') }, 'fr-CA')
    expect(mail.html).not.toContain('data:image/png')
    expect(mail.html).toMatch(/<img src="qr:https%3A/)
    expect(withQrImages(mail.html)).toMatch(/<img src="data:image\/png;base64,/)
  })

  it('mails without a link carry no image', () => {
    for (const kind of ['notInvited', 'alreadyActive', 'registrationPending'] as const)
      expect(renderMail({ kind }, 'fr-CA').html).not.toContain('<img')
  })

  it('French text: non-breaking spaces before colons and units and inside « », none before ?', () => {
    for (const template of [...withLinks, { kind: 'alreadyActive' } as const]) {
      const { text, subject } = renderMail(template, 'fr-CA')
      for (const line of [subject, ...text.split('\n')].filter((l) => !l.includes('://'))) {
        expect(line, line).not.toMatch(/ [:»]|« |\d (minutes|jours|cm)\b|\s[?!;]/)
      }
    }
  })

  it('is sent with its QR code as an inline cid: image, which Gmail and Outlook show', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true })
    const mail = renderMail({ kind: 'recoveryReset', code: '482913', ...links('reset') }, 'fr-CA')
    const sent = await transport.sendMail({
      from: 'kiosk@example.ca',
      to: 'a@example.ca',
      ...mail,
      html: withQrImages(mail.html),
      attachDataUrls: true,
    })
    const raw = (sent.message as Buffer).toString()
    expect(raw).toMatch(/src=3D"cid:|src="cid:/)
    expect(raw).not.toContain('data:image/png')
    expect(raw).toMatch(/Content-Type: image\/png/)
    expect(raw).toMatch(/Content-ID: </)
  })
})
