import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SMTPServer } from 'smtp-server'
import { describe, expect, it } from 'vitest'
import { launchService } from '@service/launch'
import { legalDocuments } from '@shared/legal-documents'
import { ADMIN, openTestService, PASSWORD } from './service-harness'

const CRASH_DEVICE_TOKEN = 'PuTVxJ4OLjn1oU16eiirgL-3PRQ65NU2uGgo-zJ_SS8'

/** The write-ahead log holds recent pages until a checkpoint: a backup may copy it too. */
const readWal = (dbFile: string) =>
  existsSync(`${dbFile}-wal`) ? readFileSync(`${dbFile}-wal`).toString('latin1') : ''

describe('durability', () => {
  it('a restart keeps every account, code, link, session and mail', async () => {
    const first = await openTestService()
    first.invite('keep@example.ca', { title: 'DEC', issuedOn: '2026-06-01' })
    const registration = await first.register('keep@example.ca')
    const code = first.lastCode('keep@example.ca')
    await first.activeAccount('active@example.ca')
    const session = (
      await first.call('POST', '/v1/sessions', { email: 'active@example.ca', password: PASSWORD })
    ).body.sessionToken as string
    await first.close()

    const second = await openTestService({}, first.dbFile)
    second.clock.at = first.clock.at
    expect((await second.call('GET', '/v1/me', undefined, { 'x-session': session })).status).toBe(
      200,
    )
    expect(
      (
        await second.call('POST', `/v1/registrations/${registration.body.registrationId}/verify`, {
          code,
        })
      ).status,
    ).toBe(200)
    expect(second.outbox('keep@example.ca')).toHaveLength(2)
    await second.close()
  })

  it('delivers mail over SMTP, then keeps only its recipient, kind, times and status', async () => {
    const received: { to: string; body: string }[] = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = ''
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()))
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body })
          callback()
        })
      },
    })
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok))
    const port = (smtp.server.address() as { port: number }).port
    const t = await openTestService({ smtpUrl: `smtp://127.0.0.1:${port}`, demo: false })
    try {
      t.invite('smtp@example.ca')
      await t.register('smtp@example.ca')
      await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2)
      expect(received.every((mail) => mail.to === 'smtp@example.ca')).toBe(true)
      const code = /^(\d{6})\r?$/m.exec(received[1]!.body)?.[1]
      const token = /mescertif:\/\/activate\/([A-Za-z0-9_-]{43})/.exec(received[1]!.body)?.[1]
      expect(code).toMatch(/^\d{6}$/)
      expect(token).toBeDefined()
      // Once SMTP has a mail, the database keeps no body: no code, no live link in a backup.
      const rows = () =>
        t.service.ctx.db
          .prepare('SELECT to_address, kind, status, sent_at, text, html FROM mails ORDER BY id')
          .all() as { status: string; text: string; html: string }[]
      await expect
        .poll(() => rows().map((row) => row.status), { timeout: 10_000 })
        .toEqual(['sent', 'sent'])
      expect(rows()).toEqual([
        expect.objectContaining({
          to_address: 'smtp@example.ca',
          kind: 'invitation',
          text: '',
          html: '',
        }),
        expect.objectContaining({
          kind: 'registrationCode',
          sent_at: expect.any(Number),
          text: '',
          html: '',
        }),
      ])
      const files = () => readFileSync(t.dbFile).toString('latin1') + readWal(t.dbFile)
      await expect.poll(() => files().includes(token!), { timeout: 10_000 }).toBe(false)
      expect(files()).not.toContain(`\n${code}\n`)
      expect((await t.call('GET', '/dev/outbox')).status).toBe(404)
    } finally {
      await t.close()
      await new Promise<void>((ok) => smtp.close(() => ok()))
    }
  })

  it('SIGKILL during a burst of registrations: the database is intact and every 202 is in it', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'crash-')), 'crash.db')
    const start = () =>
      launchService(['--port', '0', '--db', dbFile], {
        MESCERTIF_DEVICE_TOKENS: CRASH_DEVICE_TOKEN,
        MESCERTIF_ADMIN_TOKEN: ADMIN,
      })
    const { child, url } = await start()
    const accepted: string[] = []
    const burst = Array.from({ length: 40 }, async (_, i) => {
      try {
        const response = await fetch(`${url}/v1/registrations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${CRASH_DEVICE_TOKEN}`,
            'idempotency-key': `k${i}`,
          },
          body: JSON.stringify({
            firstName: 'Crash',
            lastName: 'Test',
            email: `c${i}@example.ca`,
            password: PASSWORD,
            locale: 'fr-CA',
            acceptTerms: true,
            acceptPrivacy: true,
            termsVersion: legalDocuments.terms.version,
            privacyVersion: legalDocuments.privacy.version,
          }),
        })
        if (response.status === 202)
          accepted.push(((await response.json()) as { registrationId: string }).registrationId)
      } catch {
        // Cut off by the kill: not answered, so not promised.
      }
    })
    // Kill in the middle of the burst: once some registrations are answered, not all.
    await expect.poll(() => accepted.length, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0)
    child.kill('SIGKILL')
    await Promise.all(burst)
    expect(accepted.length).toBeGreaterThan(0)
    expect(accepted.length).toBeLessThan(40)

    const db = new Database(dbFile)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const stored = new Set(
      (db.prepare('SELECT id FROM verifications').all() as { id: string }[]).map((row) => row.id),
    )
    db.close()
    for (const id of accepted) expect(stored.has(id)).toBe(true)

    const again = await start()
    const health = await fetch(`${again.url}/v1/health`)
    expect(health.status).toBe(200)
    again.child.kill('SIGTERM')
    await new Promise((ok) => again.child.once('exit', ok))
  }, 60_000)
})
