import type { Locale } from '@shared/locales'
import { mailLayout, mailSection, type SectionHtml } from './mail-layout'
import { renderFleetMail } from './fleet-templates'
import type { MailContent } from './mail-content'
import { mailLocales, type MailTemplate, type StudentMailTemplate } from './mail-template'
import { qrImageSource } from './qr-image'
import {
  colon,
  englishFollows,
  footer,
  linkHint,
  qrAlt,
  qrHint,
  signature,
  wordings,
} from './wordings'

export type { MailContent } from './mail-content'
export type { MailTemplate } from './mail-template'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

function textPart(template: StudentMailTemplate, locale: Locale): string {
  const wording = wordings[locale][template.kind](template)
  const code = 'code' in template ? template.code : undefined
  const links = 'appLink' in template ? { app: template.appLink, web: template.webLink } : undefined
  return [
    wording.intro,
    '',
    ...(code ? [`${wording.codeLabel}${colon[locale]}`, code, '', wording.codeHint ?? '', ''] : []),
    ...(links
      ? [
          qrHint[locale],
          '',
          `${wording.button}${colon[locale]} ${links.web}`,
          '',
          linkHint[locale],
          links.app,
          '',
        ]
      : []),
    wording.outro,
    '',
    signature[locale],
    '',
    footer[locale],
    '',
  ].join('\n')
}

function htmlSection(template: StudentMailTemplate, locale: Locale): SectionHtml {
  const wording = wordings[locale][template.kind](template)
  const code = 'code' in template ? template.code : undefined
  const links = 'appLink' in template ? { app: template.appLink, web: template.webLink } : undefined
  return {
    intro: escapeHtml(wording.intro),
    ...(code
      ? {
          code: {
            label: escapeHtml(wording.codeLabel ?? ''),
            digits: code,
            hint: escapeHtml(wording.codeHint ?? ''),
          },
        }
      : {}),
    ...(links
      ? {
          links: {
            qrSource: qrImageSource(links.web),
            qrAlt: escapeHtml(qrAlt[locale]),
            qrHint: escapeHtml(qrHint[locale]),
            button: escapeHtml(wording.button ?? ''),
            web: escapeHtml(links.web),
            appHint: escapeHtml(linkHint[locale]),
            app: escapeHtml(links.app),
          },
        }
      : {}),
    outro: escapeHtml(wording.outro),
    signature: escapeHtml(signature[locale]),
    footer: escapeHtml(footer[locale]),
  }
}

/**
 * Text and HTML in the recipient's language, or in both (French first) when it is not known: the
 * code large and alone on its line, with where it goes at the kiosk; a QR code of the https link,
 * which the kiosk's scanner reads from the phone's screen (drawn when the mail is sent, see
 * qr-image.ts); every link in full, wrapping on a phone (mail-layout.ts).
 */
export function renderMail(template: MailTemplate, locale: Locale | undefined): MailContent {
  if (template.kind === 'fleetAlert' || template.kind === 'fleetDigest')
    return { ...renderFleetMail(template, locale ?? 'fr-CA'), language: locale ?? 'fr-CA' }
  const locales = mailLocales(locale)
  const both = locales.length > 1
  const subject = locales.map((l) => wordings[l][template.kind](template).subject).join(' / ')
  const text = [
    ...(both ? [englishFollows, ''] : []),
    locales.map((l) => textPart(template, l)).join('\n* * *\n\n'),
  ].join('\n')
  const html = mailLayout({
    title: escapeHtml(subject),
    lang: locales[0]!,
    ...(both ? { notice: { lang: 'en-CA', text: englishFollows } } : {}),
    sections: locales.map((l) => mailSection(l, htmlSection(template, l))),
  })
  return { subject, text, html, language: locales.join(', ') }
}
