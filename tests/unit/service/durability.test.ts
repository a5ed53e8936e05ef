import { existsSync, readFileSync } from 'node:fs'
import { SMTPServer } from 'smtp-server'
import { describe, expect, it } from 'vitest'
import { openStore } from '@service/db/open-store'
import { inTransaction } from '@service/db/transactions'
import { recordInvitation } from '@service/domain/invitations'
import { launchService } from '@service/launch'
import { legalDocuments } from '@shared/legal-documents'
import { rawSql } from '../../fixtures/raw-sql'
import { freshStorage, testEngine, testInstances } from './engines/test-database'
import { ADMIN, openTestService, PASSWORD } from './service-harness'

const CRASH_DEVICE_TOKEN = 'PuTVxJ4OLjn1oU16eiirgL-3PRQ65NU2uGgo-zJ_SS8'

/** The write-ahead log holds recent pages until a checkpoint: a backup may copy it too. */
const readWal = (dbFile: string) =>
  existsSync(`${dbFile}-wal`) ? readFileSync(`${dbFile}-wal`).toString('latin1') : ''

describe('durability', () => {
  it('a restart keeps every account, code, link, session and mail', async () => {
    const first = await openTestService()
    await first.invite('keep@example.ca', { title: 'DEC', issuedOn: '2026-06-01' })
    const registration = await first.register('keep@example.ca')
    const code = await first.lastCode('keep@example.ca')
    await first.activeAccount('active@example.ca')
    const session = (
      await first.call('POST', '/v1/sessions', { email: 'active@example.ca', password: PASSWORD })
    ).body.sessionToken as string
    await first.close()

    const second = await openTestService({}, first.storage)
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
    expect(await second.outbox('keep@example.ca')).toHaveLength(2)
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
      await t.invite('smtp@example.ca')
      await t.register('smtp@example.ca')
      await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2)
      expect(received.every((mail) => mail.to === 'smtp@example.ca')).toBe(true)
      const code = /^(\d{6})\r?$/m.exec(received[1]!.body)?.[1]
      const token = /mescertif:\/\/activate\/([A-Za-z0-9_-]{43})/.exec(received[1]!.body)?.[1]
      expect(code).toMatch(/^\d{6}$/)
      expect(token).toBeDefined()
      // Once SMTP has a mail, the database keeps no body: no code, no live link in a backup.
      const rows = () =>
        t.sql.all<{ status: string; text: string; html: string }>(
          'SELECT to_address, kind, status, sent_at, text, html FROM mails ORDER BY id',
        )
      await expect
        .poll(async () => (await rows()).map((row) => row.status), { timeout: 10_000 })
        .toEqual(['sent', 'sent'])
      expect(await rows()).toEqual([
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
      // SQLite: nor in the file's free pages or its write-ahead log (secure_delete, checkpoint).
      // PostgreSQL keeps old row versions until vacuum: docs/data-retention.md says what follows.
      if (testEngine() === 'sqlite') {
        const database = t.storage.database
        const files = () => readFileSync(database).toString('latin1') + readWal(database)
        await expect.poll(() => files().includes(token!), { timeout: 10_000 }).toBe(false)
        expect(files()).not.toContain(`\n${code}\n`)
      }
      expect((await t.call('GET', '/dev/outbox')).status).toBe(404)
    } finally {
      await t.close()
      await new Promise<void>((ok) => smtp.close(() => ok()))
    }
  })

  it('every instance delivers mail, and each mail leaves once', async () => {
    const received: string[] = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.resume()
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(','))
          callback()
        })
      },
    })
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok))
    const port = (smtp.server.address() as { port: number }).port
    const t = await openTestService({ smtpUrl: `smtp://127.0.0.1:${port}`, demo: false })
    try {
      const addresses = Array.from({ length: 12 }, (_, i) => `many${i}@example.ca`)
      for (const email of addresses)
        await inTransaction(t.service.ctx, (tx) =>
          recordInvitation(tx, { email, institution: 'Cégep de Test' }),
        )
      // Every instance starts delivering at once, twice over: each claims what it sends.
      for (const instance of [...t.instances, ...t.instances]) instance.ctx.mailer.flush()
      for (const instance of t.instances) await instance.ctx.mailer.close()
      expect(received.sort()).toEqual([...addresses].sort())
      expect(await t.sql.get("SELECT count(*) AS n FROM mails WHERE status = 'sent'")).toEqual({
        n: addresses.length,
      })
    } finally {
      await t.close()
      await new Promise<void>((ok) => smtp.close(() => ok()))
    }
  })

  it('SIGKILL during a burst of registrations: the database is intact and every 202 is in it', async () => {
    const storage = await freshStorage()
    const start = () =>
      launchService(
        [
          '--port',
          '0',
          '--db',
          storage.database,
          ...(storage.keyFile ? ['--key-file', storage.keyFile] : []),
        ],
        { MESCERTIF_DEVICE_TOKENS: CRASH_DEVICE_TOKEN, MESCERTIF_ADMIN_TOKEN: ADMIN },
      )
    // With two instances on one PostgreSQL, the burst goes to each in turn and one is killed:
    // what the other acknowledged stays too, and it keeps answering.
    const instances = await Promise.all(Array.from({ length: testInstances() }, start))
    const accepted: string[] = []
    const burst = Array.from({ length: 40 }, async (_, i) => {
      try {
        const response = await fetch(`${instances[i % instances.length]!.url}/v1/registrations`, {
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
    const killed = instances[0]!.child
    killed.kill('SIGKILL')
    await Promise.all(burst)
    expect(accepted.length).toBeGreaterThan(0)
    expect(accepted.length).toBeLessThan(40)
    for (const survivor of instances.slice(1)) {
      expect((await fetch(`${survivor.url}/v1/health`)).status).toBe(200)
      survivor.child.kill('SIGTERM')
      await new Promise((ok) => survivor.child.once('exit', ok))
    }

    const store = openStore(storage.database, { poolSize: 1 })
    try {
      if (store.engine === 'sqlite')
        expect(await rawSql(store).get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' })
      const stored = new Set(
        (await store.db.selectFrom('verifications').select('id').execute()).map((row) => row.id),
      )
      for (const id of accepted) expect(stored.has(id)).toBe(true)
    } finally {
      await store.close()
    }

    const again = await start()
    const health = await fetch(`${again.url}/v1/health`)
    expect(health.status).toBe(200)
    again.child.kill('SIGTERM')
    await new Promise((ok) => again.child.once('exit', ok))
  }, 60_000)
})
