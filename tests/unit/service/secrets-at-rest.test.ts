import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openTestService, scriptedCodes, type TestService } from './service-harness'

let t: TestService | undefined
afterEach(() => t?.close())

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

describe('what a copy of the database holds', () => {
  it('a code is kept only as a MAC under the service key, which lives in its own 0600 file', async () => {
    t = await openTestService({ newCode: scriptedCodes('123456') })
    await t.invite('mac@example.ca')
    const { registrationId } = (await t.register('mac@example.ca')).body as {
      registrationId: string
    }
    const row = (await t.sql.get<{ code_hash: string }>(
      'SELECT code_hash FROM verifications WHERE id = ?',
      registrationId,
    ))!
    // With only the database, a million guesses at SHA-256 speed would find it.
    expect(row.code_hash).not.toBe(sha256(`${registrationId}:123456`))
    expect(statSync(t.keyFile).mode & 0o777).toBe(0o600)
    expect(
      (await t.call('POST', `/v1/registrations/${registrationId}/verify`, { code: '123456' }))
        .status,
    ).toBe(200)
  })

  it('outside the demo and without SMTP, no mail body is ever written', async () => {
    t = await openTestService({ demo: false })
    await t.invite('nobody-reads@example.ca')
    await t.register('nobody-reads@example.ca')
    expect(await t.sql.all('SELECT kind, status, text, html FROM mails ORDER BY id')).toEqual([
      { kind: 'invitation', status: 'dropped', text: '', html: '' },
      { kind: 'registrationCode', status: 'dropped', text: '', html: '' },
    ])
  })

  it("the demo's outbox keeps bodies: it is the mailbox people read", async () => {
    t = await openTestService({ demo: true })
    await t.invite('demo@example.ca')
    expect((await t.outbox('demo@example.ca'))[0]!.text).toMatch(/mescertif:\/\/invite\//)
  })
})
