import type { Locale } from '@shared/locales'

/** One language's part of a mail, already escaped for HTML. */
export interface SectionHtml {
  intro: string
  code?: { label: string; digits: string; hint: string }
  links?: {
    qrSource: string
    qrAlt: string
    qrHint: string
    button: string
    web: string
    appHint: string
    app: string
  }
  outro: string
  signature: string
  footer: string
}

/**
 * Links and tokens have no place to break: on a 390 px phone an unbroken https or mescertif://
 * link made the mail 670–716 px wide. `overflow-wrap:anywhere` breaks them (and `word-break` does
 * for clients that predate it); everything else has a width that follows the screen.
 */
const BREAK_ANYWHERE = 'overflow-wrap:anywhere;word-break:break-all'
const TEXT = 'margin:0 0 16px;font-size:16px;line-height:1.5'

/** One language's part: its own `lang`, so screen readers switch voices in a bilingual mail. */
export function mailSection(locale: Locale, part: SectionHtml): string {
  const { code, links } = part
  return [
    `<div lang="${locale}" class="section">`,
    `<p style="${TEXT}">${part.intro}</p>`,
    code
      ? `<p style="${TEXT}">${code.label}</p>` +
        `<p class="code" style="margin:0 0 16px;font-size:32px;font-weight:bold;letter-spacing:6px">${code.digits}</p>` +
        `<p style="${TEXT}">${code.hint}</p>`
      : '',
    links
      ? `<p style="margin:0 0 8px"><img src="${links.qrSource}" width="240" height="240" alt="${links.qrAlt}" style="display:block;width:240px;max-width:100%;height:auto;border:0"></p>` +
        `<p style="${TEXT}">${links.qrHint}</p>` +
        `<p style="margin:0 0 16px"><a href="${links.web}" class="button" style="display:inline-block;max-width:100%;box-sizing:border-box;background:#1d4f91;color:#ffffff;padding:12px 20px;border-radius:6px;font-size:16px;font-weight:bold;text-decoration:none">${links.button}</a></p>` +
        `<p style="${TEXT};${BREAK_ANYWHERE}"><a href="${links.web}" style="color:#1d4f91">${links.web}</a></p>` +
        `<p style="${TEXT}">${links.appHint}</p>` +
        `<p style="${TEXT};${BREAK_ANYWHERE};font-family:Consolas,Menlo,monospace">${links.app}</p>`
      : '',
    `<p style="${TEXT}">${part.outro}</p>`,
    `<p style="${TEXT}">${part.signature}</p>`,
    `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #d0d7de;font-size:13px;line-height:1.5;color:#4a4a4a">${part.footer}</p>`,
    '</div>',
  ].join('')
}

/**
 * The mail's page: a single column at most 600 px wide that narrows with the screen (phones show
 * it at their own width, without zooming out), system fonts, light scheme only (the QR code must
 * stay dark on light to be read by the kiosk's scanner).
 */
export function mailLayout(page: {
  title: string
  lang: Locale
  notice?: { lang: Locale; text: string }
  sections: string[]
}): string {
  return [
    `<!doctype html><html lang="${page.lang}"><head>`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="supported-color-schemes" content="light">',
    `<title>${page.title}</title>`,
    '<style>',
    'html,body{margin:0;padding:0;background:#f4f6f8}',
    'body{-webkit-text-size-adjust:100%;text-size-adjust:100%}',
    '.page{width:100%;max-width:600px;margin:0 auto;box-sizing:border-box;padding:24px 16px}',
    '.card{background:#ffffff;border-radius:8px;padding:24px;box-sizing:border-box}',
    '.section+.section{margin-top:32px;padding-top:24px;border-top:2px solid #1d4f91}',
    'img{max-width:100%;height:auto}',
    '@media (max-width:480px){.page{padding:8px}.card{padding:16px}}',
    '</style></head>',
    '<body style="margin:0;padding:0;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a">',
    '<div class="page" style="width:100%;max-width:600px;margin:0 auto;box-sizing:border-box;padding:24px 16px">',
    '<div class="card" style="background:#ffffff;border-radius:8px;padding:24px;box-sizing:border-box">',
    page.notice
      ? `<p lang="${page.notice.lang}" style="margin:0 0 16px;font-size:14px;color:#4a4a4a">${page.notice.text}</p>`
      : '',
    ...page.sections,
    '</div></div></body></html>',
  ].join('')
}
