import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect, test } from '@playwright/test'
import { withQrImages } from '@service/mail/qr-image'
import { renderMail, type MailTemplate } from '@service/mail/templates'
import type { Locale } from '@shared/locales'
import { screenshotPath } from './harness/kiosk-harness'

/**
 * Every mail on a phone (issue 28, item 9): rendered by Chromium at 390 px, the width of a common
 * phone, its page must not scroll sideways. Links are the hard part: an https or mescertif:// link
 * is one long word. The tokens are real-length (43 characters), as the service draws them.
 */
const token = 'Ql9aL9KGsWYT4g6QyPw7u3hUwrlmeIKsN_ZLWahLLaA'
const links = (kind: string) => ({
  appLink: `mescertif://${kind}/${token}`,
  webLink: `https://mescertif.example.ca/kiosk/${kind}/${token}`,
})
const templates: MailTemplate[] = [
  { kind: 'invitation', institution: 'Cégep de Lévis', ...links('invite') },
  { kind: 'registrationCode', code: '482913', ...links('activate') },
  { kind: 'notInvited' },
  { kind: 'alreadyActive' },
  { kind: 'registrationPending' },
  { kind: 'recoveryActivation', code: '482913', ...links('activate') },
  { kind: 'recoveryReset', code: '482913', ...links('reset') },
]
const cases: [MailTemplate, Locale | undefined][] = templates.flatMap((template) => [
  [template, 'fr-CA'],
  [template, 'en-CA'],
])
cases.push([templates[0]!, undefined])

test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })

for (const [template, locale] of cases) {
  const name = `${template.kind}.${locale ?? 'fr-CA+en-CA'}`
  test(`mail ${name} fits a 390 px phone: nothing scrolls sideways`, async ({ page }) => {
    await page.setContent(withQrImages(renderMail(template, locale).html))
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }))
    expect(widths.page, `the page is ${widths.page} px wide`).toBeLessThanOrEqual(widths.viewport)
    expect(widths.body).toBeLessThanOrEqual(widths.viewport)
    const path = screenshotPath(`mails/390px/${name}`)
    mkdirSync(dirname(path), { recursive: true })
    await page.screenshot({ path, fullPage: true })
  })
}
