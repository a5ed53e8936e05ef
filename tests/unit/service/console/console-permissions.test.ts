import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { consolePermissions, type ConsolePermission } from '@shared/api/console/roles'
import {
  IT_EMAIL,
  REGISTRAR_EMAIL,
  openConsoleService,
  type ConsoleService,
  type ConsoleSignedIn,
} from './console-harness'

let t: ConsoleService
let it_: ConsoleSignedIn
let registrar: ConsoleSignedIn
beforeEach(async () => {
  t = await openConsoleService()
  it_ = await t.signedIn(IT_EMAIL, 'it')
  registrar = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
})
afterEach(() => t.close())

const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }
/** One request per page of the console, by the permission it needs. */
const reads: Record<ConsolePermission, ['GET' | 'POST', string, unknown?]> = {
  fleet: ['GET', '/v1/console/fleet'],
  activity: ['GET', `/v1/console/activity?from=${range.from}&to=${range.to}`],
  audit: ['POST', '/v1/console/audit/search', {}],
  staff: ['GET', '/v1/console/staff'],
  consoleAccounts: ['GET', '/v1/console/accounts'],
}

/** Every change the console's API takes, with a body that would be accepted. */
const changes: [string, unknown][] = [
  ['/v1/console/devices', { name: 'hall-c-3', role: 'public' }],
  ['/v1/console/staff', { email: 'guichet@cegep.example.ca', name: 'Lise Roy' }],
  ['/v1/console/staff/reset', { email: 'guichet@cegep.example.ca' }],
  ['/v1/console/staff/disable', { email: 'guichet@cegep.example.ca' }],
  ['/v1/console/accounts', { email: 'nouveau@cegep.example.ca', name: 'Noa Roy', role: 'it' }],
  ['/v1/console/accounts/reset', { email: REGISTRAR_EMAIL }],
  ['/v1/console/accounts/unlock', { email: REGISTRAR_EMAIL }],
  ['/v1/console/accounts/disable', { email: REGISTRAR_EMAIL }],
  ['/v1/console/preferences', { alerts: true }],
  [
    '/v1/console/password',
    { currentPassword: 'Console-Flotte#2026!', newPassword: 'Nouveau-Quai#2027?' },
  ],
  ['/v1/console/audit/search', {}],
  ['/v1/console/audit/export', {}],
]

describe('roles', () => {
  for (const role of ['it', 'registrar'] as const)
    it(`a${role === 'it' ? 'n' : ''} ${role} account reaches exactly the pages its role allows`, async () => {
      const session = role === 'it' ? it_ : registrar
      for (const [permission, [method, url, body]] of Object.entries(reads)) {
        const answer = await t.request(method, url, { session, body })
        const allowed = (
          consolePermissions[permission as ConsolePermission] as readonly string[]
        ).includes(role)
        expect(answer.status, `${role} ${permission}`).toBe(allowed ? 200 : 403)
      }
    })

  it('a registrar is refused the fleet, its live stream and every device action', async () => {
    for (const [method, url, body] of [
      ['GET', '/v1/console/fleet/events'],
      ['POST', '/v1/console/devices', { name: 'hall-c-3', role: 'public' }],
      ['POST', `/v1/console/devices/${'0'.repeat(32)}/token`],
    ] as const) {
      const answer = await t.request(method, url, { session: registrar, body })
      expect(answer.status).toBe(403)
      expect(answer.body.error?.code).toBe('forbidden')
    }
  })

  it('without a session every console API answers 401, and never asks for the admin token', async () => {
    for (const [method, url, body] of Object.values(reads)) {
      const answer = await t.request(method, url, {
        body,
        headers: { authorization: 'Bearer unit-admin-token-0123456789' },
      })
      expect(answer.status).toBe(401)
      expect(answer.body.error?.code).toBe('session_expired')
    }
  })
})

describe('every change carries the CSRF token', () => {
  it.each(changes)('POST %s without it is refused', async (url, body) => {
    const answer = await t.request('POST', url, { session: it_, body, csrf: false })
    expect(answer.status).toBe(403)
    expect(answer.body.error?.fields).toEqual({ 'x-csrf-token': 'invalid' })
  })

  it('DELETE /v1/console/session without it is refused', async () => {
    const answer = await t.request('DELETE', '/v1/console/session', { session: it_, csrf: false })
    expect(answer.status).toBe(403)
  })
})

describe('OpenAPI', () => {
  it('documents every console endpoint from its shared schema, each change with X-CSRF-Token', async () => {
    const { consoleOperations } = await import('@service/openapi-console')
    const openapi = await t.request('GET', '/v1/openapi.json')
    const paths = openapi.body.paths as Record<
      string,
      Record<string, { parameters: { name: string; in: string }[]; security: unknown[] }>
    >
    expect(consoleOperations.length).toBeGreaterThanOrEqual(24)
    for (const op of consoleOperations) {
      const documented = paths[op.path]?.[op.method]
      expect(documented, `${op.method} ${op.path}`).toBeDefined()
      const csrf = documented!.parameters.some(
        (p) => p.in === 'header' && p.name === 'X-CSRF-Token',
      )
      expect(csrf, `${op.method} ${op.path}`).toBe(op.auth === 'console' && op.method !== 'get')
      // Served: none answers 404 (without a session they answer 401, or 400 for a bad body).
      const answer = await t.request(
        op.method.toUpperCase() as 'GET' | 'POST' | 'DELETE',
        op.path.replace('{id}', '0'.repeat(32)),
        op.method === 'get' ? {} : { body: {} },
      )
      expect([op.path, answer.status]).not.toEqual([op.path, 404])
    }
  })
})
