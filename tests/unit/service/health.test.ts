import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Health } from '@shared/api/schemas'
import { ErrorBody } from '@shared/errors'
import { openTestService, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('readiness, for a load balancer in front of several instances', () => {
  it('answers 200 with the version while the database answers, with no token', async () => {
    const ready = await t.call('GET', '/v1/health/ready', undefined, { authorization: '' })
    expect(ready.status).toBe(200)
    expect(Health.parse(ready.body)).toEqual((await t.call('GET', '/v1/health')).body)
  })

  it('answers 503 in the documented shape once its database is gone; liveness still 200', async () => {
    await t.retentionIdle()
    for (const instance of t.instances) await instance.ctx.store.close()
    // As a load balancer asks: no token.
    for (const _ of t.instances) {
      const ready = await t.call('GET', '/v1/health/ready', undefined, { authorization: '' })
      expect(ready.status).toBe(503)
      expect(ErrorBody.parse(ready.body).error.code).toBe('server_error')
    }
    // Liveness stays up: a database outage is no reason for the balancer to restart instances.
    expect((await t.call('GET', '/v1/health', undefined, { authorization: '' })).status).toBe(200)
  })
})
