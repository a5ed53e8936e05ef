import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { admitSignInAttempt, signInThrottleOf } from '@service/domain/sign-in-throttle'
import { limits } from '@service/limits'
import { openTestService, PASSWORD, type TestService } from './service-harness'

/**
 * The sign-in throttle's windows (docs/account-service.md, "Sign-in"): failures older than 12 h are
 * forgotten, and a check that died with its request stops holding its place after a lock period.
 * Driven through the HTTP API with the service's movable clock; the domain functions are awaited,
 * so these tests hold whether the store is synchronous or not.
 */
let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

const EMAIL = 'l@example.ca'
const wrong = () => t.call('POST', '/v1/sessions', { email: EMAIL, password: 'Wrong-Pass-2026!' })
const right = () => t.call('POST', '/v1/sessions', { email: EMAIL, password: PASSWORD })
const failTimes = async (count: number) => {
  for (let i = 0; i < count; i++)
    expect((await wrong()).body.error?.code).toBe('invalid_credentials')
}

describe('sign-in throttle windows', () => {
  it('keeps 9 failures for just under 12 h: the tenth then locks', async () => {
    await t.activeAccount(EMAIL)
    await failTimes(limits.signInFailuresBeforeLock - 1)
    t.clock.at += limits.signInFailureResetMs - 1
    expect(await signInThrottleOf(t.service.ctx, EMAIL)).toEqual({
      failures: limits.signInFailuresBeforeLock - 1,
    })
    expect((await wrong()).body.error).toMatchObject({ code: 'account_locked' })
  })

  it('forgets failures 12 h after the last one: nine more do not lock', async () => {
    await t.activeAccount(EMAIL)
    await failTimes(limits.signInFailuresBeforeLock - 1)
    t.clock.at += limits.signInFailureResetMs
    expect(await signInThrottleOf(t.service.ctx, EMAIL)).toEqual({ failures: 0 })
    await failTimes(limits.signInFailuresBeforeLock - 1)
    expect((await right()).status).toBe(200)
  })

  it('the look-up shows a lock while it lasts, and only then', async () => {
    await t.activeAccount(EMAIL)
    await failTimes(limits.signInFailuresBeforeLock - 1)
    const lockedAt = t.clock.at
    expect((await wrong()).body.error).toMatchObject({ code: 'account_locked' })
    expect(await signInThrottleOf(t.service.ctx, EMAIL)).toEqual({
      failures: 0,
      lockedUntil: lockedAt + limits.signInLockMs,
    })
    t.clock.at = lockedAt + limits.signInLockMs
    expect(await signInThrottleOf(t.service.ctx, EMAIL)).toEqual({ failures: 0 })
  })

  it('checks that died with their request hold their places for one lock period, no longer', async () => {
    await t.activeAccount(EMAIL)
    // Ten checks admitted and never decided: the service crashed under them.
    for (let i = 0; i < limits.signInFailuresBeforeLock; i++)
      await admitSignInAttempt(t.service.ctx, EMAIL)
    expect((await right()).body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 1 })
    t.clock.at += limits.signInLockMs - 1
    expect((await right()).body.error).toMatchObject({ code: 'rate_limited' })
    t.clock.at += 1
    expect((await right()).status).toBe(200)
  })
})

describe('a check that fails for another reason than the password', () => {
  it('gives its place back at once (a damaged hash, the database): ten more checks still run', async () => {
    await t.activeAccount(EMAIL)
    const hasher = t.service.ctx.hasher
    t.service.ctx.hasher = {
      ...hasher,
      verify: () => Promise.reject(new Error('damaged hash')),
    }
    for (let i = 0; i < limits.signInFailuresBeforeLock; i++)
      expect((await right()).status).toBe(500)
    t.service.ctx.hasher = hasher
    expect(
      await t.sql.get('SELECT in_flight, failures FROM sign_in_throttle WHERE email = ?', EMAIL),
    ).toEqual({ in_flight: 0, failures: 0 })
    expect((await right()).status).toBe(200)
  })
})
