import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { limits } from '@service/limits'
import { openTestService, type TestService } from './service-harness'

/** Recovery and code renewal at their edges (docs/account-service.md, "Recovery", "Codes"). */
let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

const recover = (email: string) => t.call('POST', '/v1/recovery', { email, locale: 'en-CA' })

describe('recovery and code renewal at their edges', () => {
  it('a new recovery, once the cooldown is over, ends the one before: its code no longer works', async () => {
    await t.activeAccount('again@example.ca')
    t.clock.at += 61_000
    const first = await recover('again@example.ca')
    const firstCode = await t.lastCode('again@example.ca')
    t.clock.at += limits.resendCooldownMs
    const second = await recover('again@example.ca')
    expect(second.body.recoveryId).not.toBe(first.body.recoveryId)
    const old = await t.call('POST', `/v1/recovery/${first.body.recoveryId}/verify`, {
      code: firstCode,
    })
    expect(old.body.error?.code).toBe('code_expired')
  })

  it('a code cannot be renewed once its verification is done', async () => {
    await t.invite('done@example.ca')
    const id = (await t.register('done@example.ca')).body.registrationId as string
    await t.call('POST', `/v1/registrations/${id}/verify`, {
      code: await t.lastCode('done@example.ca'),
    })
    t.clock.at += 61_000
    const resend = await t.call('POST', `/v1/registrations/${id}/resend`, {})
    expect(resend.status).toBe(410)
    expect(resend.body.error?.code).toBe('code_expired')
  })

  it('a resend refused by the hourly cap says to wait the whole hour', async () => {
    await t.invite('cap@example.ca')
    const id = (await t.register('cap@example.ca')).body.registrationId as string
    for (let i = 0; i < 3; i++) {
      t.clock.at += 61_000
      await t.call('POST', `/v1/registrations/${id}/resend`, {})
    }
    t.clock.at += 61_000
    const capped = await t.call('POST', `/v1/registrations/${id}/resend`, {})
    expect(capped.body.error).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: limits.mailWindowMs / 1000,
    })
  })

  it('a registration’s id is no recovery: not found', async () => {
    await t.invite('reg@example.ca')
    const id = (await t.register('reg@example.ca')).body.registrationId as string
    const asRecovery = await t.call('POST', `/v1/recovery/${id}/verify`, { code: '123456' })
    expect(asRecovery.status).toBe(404)
    expect(asRecovery.body.error?.code).toBe('not_found')
  })
})
