import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN, openTestService, type TestService } from './service-harness'

let t: TestService
beforeEach(async () => {
  t = await openTestService()
})
afterEach(() => t.close())

describe('device and admin authentication', () => {
  it('refuses kiosk calls without a known device token', async () => {
    for (const headers of [
      { authorization: '' },
      { authorization: 'Bearer nope' },
      { authorization: 'Basic abc' },
    ]) {
      const response = await t.call(
        'POST',
        '/v1/recovery',
        { email: 'a@example.ca', locale: 'fr-CA' },
        headers,
      )
      expect(response.status).toBe(401)
      expect(response.body.error?.code).toBe('unknown_device')
    }
  })

  it('refuses a disabled device', async () => {
    await t.sql.run('UPDATE devices SET disabled = 1')
    expect((await t.call('GET', '/v1/devices/current')).body.error?.code).toBe('unknown_device')
  })

  it('invitations need the admin token', async () => {
    const body = {
      email: 'new@example.ca',
      institution: 'Cégep',
      document: { title: 'DEC', issuedOn: '2026-06-01' },
    }
    expect((await t.call('POST', '/v1/invitations', body)).status).toBe(401)
    const created = await t.call('POST', '/v1/invitations', body, {
      authorization: `Bearer ${ADMIN}`,
    })
    expect(created.status).toBe(201)
    expect((await t.outbox('new@example.ca')).at(-1)!.text).toMatch(
      /mescertif:\/\/invite\/[A-Za-z0-9_-]{43}/,
    )
  })

  it('health and OpenAPI are public; OpenAPI lists every endpoint', async () => {
    expect((await t.call('GET', '/v1/health', undefined, { authorization: '' })).body).toEqual({
      status: 'ok',
      version: '1.0.0',
    })
    const openapi = await t.call('GET', '/v1/openapi.json', undefined, { authorization: '' })
    const paths = Object.keys(openapi.body.paths as object)
    for (const path of [
      '/v1/registrations',
      '/v1/registrations/{id}/verify',
      '/v1/links/{token}',
      '/v1/sessions',
      '/v1/me/documents',
      '/v1/recovery/{id}/verify',
      '/v1/password-resets',
    ]) {
      expect(paths).toContain(path)
    }
  })
})
