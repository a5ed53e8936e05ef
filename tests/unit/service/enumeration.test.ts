import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestService, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('no account enumeration', () => {
  const strip = (body: Record<string, unknown>) =>
    JSON.stringify({ ...body, registrationId: 'x', recoveryId: 'x', maskedEmail: 'x' })

  it('recovery answers byte-identically (but for ids) for active, pending and unknown addresses', async () => {
    await t.activeAccount('active@example.ca')
    await t.invite('pending@example.ca')
    await t.register('pending@example.ca')
    t.clock.at += 61_000
    const answers = await Promise.all(
      ['active@example.ca', 'pending@example.ca', 'unknown@example.ca'].map((email) =>
        t.call('POST', '/v1/recovery', { email, locale: 'fr-CA' }),
      ),
    )
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]))
    expect(new Set(answers.map((a) => strip(a.body))).size).toBe(1)
    expect(new Set(answers.map((a) => a.raw.length)).size).toBe(1)
  })

  it('registration answers byte-identically for invited, uninvited, pending and active addresses', async () => {
    await t.activeAccount('active@example.ca')
    await t.invite('pending@example.ca')
    await t.register('pending@example.ca')
    await t.invite('invited@example.ca')
    t.clock.at += 61_000
    const answers = await Promise.all(
      ['active@example.ca', 'pending@example.ca', 'invited@example.ca', 'stranger@example.ca'].map(
        (email) => t.register(email),
      ),
    )
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]))
    expect(new Set(answers.map((a) => strip(a.body))).size).toBe(1)
    expect(new Set(answers.map((a) => a.raw.length)).size).toBe(1)
  })
})
