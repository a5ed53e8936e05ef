import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SMTPServer } from 'smtp-server'
import { describe, expect, it } from 'vitest'
import { launchService } from '../../../service/launch'
import { openTestService, PASSWORD } from './service-harness'

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

  it('delivers mail over SMTP to a real local server when SMTP_URL is set', async () => {
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
      expect(received[1]!.body).toContain(t.lastCode('smtp@example.ca'))
      // The queue marks each mail sent once the SMTP server has accepted it.
      const sentCount = () =>
        (
          t.service.ctx.db
            .prepare('SELECT count(*) AS n FROM mails WHERE sent_at IS NOT NULL')
            .get() as { n: number }
        ).n
      await expect.poll(sentCount, { timeout: 10_000 }).toBe(2)
      expect((await t.call('GET', '/dev/outbox')).status).toBe(404)
    } finally {
      await t.close()
      await new Promise<void>((ok) => smtp.close(() => ok()))
    }
  })

  it('SIGKILL during a burst of registrations: the database is intact and every 202 is in it', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'crash-')), 'crash.db')
    const start = () =>
      launchService([
        '--port',
        '0',
        '--db',
        dbFile,
        '--device-token',
        'crash-device-token-123456',
        '--admin-token',
        'crash-admin-token-123456',
      ])
    const { child, url } = await start()
    const accepted: string[] = []
    const burst = Array.from({ length: 40 }, async (_, i) => {
      try {
        const response = await fetch(`${url}/v1/registrations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: 'Bearer crash-device-token-123456',
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
