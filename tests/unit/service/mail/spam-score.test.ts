import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locale } from '@shared/locales'
import type { MailTemplate } from '@service/mail/templates'
import { inTransaction } from '@service/db/transactions'
import { openTestService, type TestService } from '../service-harness'
import { startSmtpCapture } from './smtp-capture'
import { spamAssassinScores, type SpamVerdict } from './spam-assassin'

const token = 'Ql9aL9KGsWYT4g6QyPw7u3hUwrlmeIKsN_ZLWahLLaA'
const links = (kind: string) => ({
  appLink: `mescertif://${kind}/${token}`,
  webLink: `https://mescertif.example.ca/kiosk/${kind}/${token}`,
})

/** Every kind of mail the service sends, in each language it can be sent in. */
const mails: [name: string, template: MailTemplate, locale: Locale | undefined][] = []
const templates: MailTemplate[] = [
  { kind: 'invitation', institution: 'Cégep de Lévis', ...links('invite') },
  { kind: 'registrationCode', code: '482913', ...links('activate') },
  { kind: 'notInvited' },
  { kind: 'alreadyActive' },
  { kind: 'registrationPending' },
  { kind: 'recoveryActivation', code: '482913', ...links('activate') },
  { kind: 'recoveryReset', code: '482913', ...links('reset') },
]
for (const template of templates)
  for (const locale of ['fr-CA', 'en-CA'] as const)
    mails.push([`${template.kind} ${locale}`, template, locale])
mails.push(['invitation, language unknown (both)', templates[0]!, undefined])

let smtp: Awaited<ReturnType<typeof startSmtpCapture>>
let t: TestService
let verdicts: Map<string, SpamVerdict>

beforeAll(async () => {
  smtp = await startSmtpCapture()
  t = await openTestService({ smtpUrl: smtp.url, demo: false })
  const { ctx } = t.service
  await inTransaction(ctx, async (tx) => {
    for (const [index, [, template, locale]] of mails.entries())
      await tx.mailer.enqueue(`graduate${index}@example.ca`, template, locale)
  })
  ctx.mailer.flush()
  await smtp.until(mails.length)
  const scores = await spamAssassinScores(smtp.received.map((mail) => mail.raw))
  verdicts = new Map(
    mails.map(([name], index) => [name, scores.get(`graduate${index}@example.ca`)!]),
  )
}, 120_000)

afterAll(async () => {
  await t.close()
  await smtp.close()
})

describe('every mail, as it leaves over SMTP, scores ≤ 1.0 on SpamAssassin’s local rules', () => {
  it.each(mails.map(([name]) => [name]))('%s', (name) => {
    const verdict = verdicts.get(name)!
    expect(verdict.score, `${name}: ${verdict.rules.join(', ')}`).toBeLessThanOrEqual(1.0)
  })
})
