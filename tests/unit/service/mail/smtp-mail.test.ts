import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dkimVerify } from 'mailauth/lib/dkim/verify'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServiceOptions } from '@service/server'
import { openTestService, type TestService } from '../service-harness'
import { startSmtpCapture } from './smtp-capture'

let smtp: Awaited<ReturnType<typeof startSmtpCapture>> | undefined
let t: TestService | undefined
afterEach(async () => {
  await t?.close()
  await smtp?.close()
  t = smtp = undefined
})

/** The service over real SMTP, outside the demo, as a registrar runs it. */
async function serviceOverSmtp(options: Partial<ServiceOptions> = {}) {
  smtp = await startSmtpCapture()
  t = await openTestService({
    smtpUrl: smtp.url,
    demo: false,
    mailFrom: 'Registrariat <no-reply@cegep-levis.example.ca>',
    ...options,
  })
  return { smtp, t }
}

const header = (raw: string, name: string) =>
  new RegExp(`^${name}: ((?:[^\\r\\n]|\\r\\n[ \\t])*)`, 'mi').exec(raw)?.[1]?.replace(/\r\n/g, '')

/** Quoted-printable (RFC 2045 §6.7) back to text. */
function fromQuotedPrintable(encoded: string): string {
  const joined = encoded.replace(/=\r\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3)
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(joined.charCodeAt(i))
  }
  return Buffer.from(bytes).toString('utf8')
}

/** The text part, as the graduate reads it (up to the next MIME boundary). */
function textPart(raw: string): string {
  const start = raw.indexOf('\r\n\r\n', raw.indexOf('Content-Type: text/plain')) + 4
  return fromQuotedPrintable(raw.slice(start, raw.indexOf('\r\n--', start)))
}

describe('what leaves over SMTP', () => {
  it('says it is automatic (RFC 3834) and in which language, with Content-IDs on the sender’s domain', async () => {
    const { smtp, t } = await serviceOverSmtp()
    await t.invite('alex@example.ca')
    await t.register('alex@example.ca', { locale: 'en-CA' })
    await smtp.until(2)
    const [invitation, code] = smtp.received.map((mail) => mail.raw)
    for (const raw of [invitation!, code!]) {
      expect(header(raw, 'Auto-Submitted')).toBe('auto-generated')
      expect(header(raw, 'To')).toBe('<alex@example.ca>')
      const contentIds = [...raw.matchAll(/^Content-ID: <([^>]+)>/gim)].map((m) => m[1]!)
      expect(contentIds.length).toBeGreaterThan(0)
      for (const id of contentIds) expect(id).toMatch(/@cegep-levis\.example\.ca$/)
      expect(raw).not.toContain('@localhost')
    }
    // The harness invites without a locale: nobody has said which language the graduate reads.
    expect(header(invitation!, 'Content-Language')).toBe('fr-CA, en-CA')
    expect(header(code!, 'Content-Language')).toBe('en-CA')
  })

  it('an invitation to someone whose language is unknown is in both languages, French first', async () => {
    const { smtp, t } = await serviceOverSmtp()
    await t.invite('sam@example.ca')
    await smtp.until(1)
    const raw = smtp.received[0]!.raw
    const text = textPart(raw)
    const french = text.indexOf('vous donne accès à un document')
    const english = text.indexOf('has given you access to a document')
    expect(french).toBeGreaterThan(-1)
    expect(english).toBeGreaterThan(french)
    expect(header(raw, 'Subject')).toContain('=?UTF-8?')
    const html = raw.slice(raw.indexOf('Content-Type: text/html'))
    expect(html).toMatch(/lang=3D"fr-CA"[\s\S]*lang=3D"en-CA"/)
  })

  it('an invitation in a known language is in that language only', async () => {
    const { smtp, t } = await serviceOverSmtp()
    const { createInvitation } = await import('@service/domain/invitations')
    await createInvitation(t.service.ctx, {
      email: 'jo@example.ca',
      institution: 'Cégep de Test',
      locale: 'en-CA',
    })
    await smtp.until(1)
    const text = textPart(smtp.received[0]!.raw)
    expect(text).toContain('has given you access to a document')
    expect(text).not.toContain('vous donne accès')
  })

  it('signs with DKIM when configured: the signature verifies against the published key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const keyFile = join(mkdtempSync(join(tmpdir(), 'dkim-')), 'dkim.pem')
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    const { smtp, t } = await serviceOverSmtp({
      dkim: {
        domainName: 'cegep-levis.example.ca',
        keySelector: 'mescertif',
        privateKeyFile: keyFile,
      },
    })
    await t.invite('dkim@example.ca')
    await smtp.until(1)
    const published = (publicKey.export({ type: 'spki', format: 'der' }) as Buffer).toString(
      'base64',
    )
    const result = await dkimVerify(Buffer.from(smtp.received[0]!.raw), {
      resolver: async (name: string) => {
        if (name !== 'mescertif._domainkey.cegep-levis.example.ca') throw new Error(`no ${name}`)
        return [[`v=DKIM1; k=rsa; p=${published}`]]
      },
    })
    expect(result.results.map((r) => r.status.result)).toEqual(['pass'])
    expect(result.results[0]!.signingDomain).toBe('cegep-levis.example.ca')
  })

  it('refuses to start with a DKIM key file it cannot read, naming the file', async () => {
    await expect(
      serviceOverSmtp({
        dkim: {
          domainName: 'x.example.ca',
          keySelector: 's',
          privateKeyFile: '/nonexistent/dkim.pem',
        },
      }),
    ).rejects.toThrow('/nonexistent/dkim.pem')
  })
})
