import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createService, type Service, type ServiceOptions } from '@service/server'
import { createInvitation } from '@service/domain/invitations'
import type { LinkKind } from '@shared/mail-link'
import {
  lastCode as readLastCode,
  lastLinkToken as readLastLinkToken,
  readOutbox,
} from '../../fixtures/outbox'
import { GOOD_PASSWORD, registrationBody } from '../../fixtures/registration-body'

/** Device and admin tokens are 32 random bytes, as the service demands outside the demo. */
export const DEVICE = '2ajZSTNR4KbeBsbYs9CP1gkrxZquSESvjwupPmu8pCM'
export const ADMIN = 'UvExfGhvEuaw7kvedL6GzClknJlIBqKZfFfB8_OmsQY'
export const PASSWORD = GOOD_PASSWORD

/** Codes the service will draw, in order: tests about "the old code dies" never hit a collision. */
export function scriptedCodes(...codes: string[]): () => string {
  let next = 0
  return () => {
    const code = codes[next++]
    if (!code) throw new Error('the test ran out of scripted codes')
    return code
  }
}

/** Codes 100000, 100001, …: every code the service draws is known to the test, none repeats. */
export function sequentialCodes(first = 100_000): () => string {
  let next = first
  return () => String(next++)
}

/** A real service on a real SQLite file, driven through Fastify's inject, with a movable clock. */
export async function openTestService(
  options: Partial<ServiceOptions> = {},
  dbFile = join(mkdtempSync(join(tmpdir(), 'svc-')), 'test.db'),
) {
  const clock = { at: Date.parse('2026-11-28T12:00:00Z'), now: () => clock.at }
  const service: Service = await createService({
    dbFile,
    demo: true,
    adminToken: ADMIN,
    deviceTokens: [DEVICE],
    clock,
    // Lower cost keeps 200 tests fast; a dedicated test checks production uses 2^17.
    scryptCost: 2 ** 10,
    deviceRequestsPerMinute: 1_000_000,
    ...options,
  })
  const auth = { authorization: `Bearer ${DEVICE}` }

  async function call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await service.app.inject({
      method,
      url,
      headers: {
        ...auth,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { payload: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    })
    let json: unknown
    try {
      json = response.body ? JSON.parse(response.body) : undefined
    } catch {
      json = response.body
    }
    return {
      status: response.statusCode,
      body: json as Record<string, unknown> & {
        error?: { code: string } & Record<string, unknown>
      },
      raw: response.body,
    }
  }

  const outbox = (email: string) => readOutbox(service.ctx.db, email)
  const lastCode = (email: string) => readLastCode(service.ctx.db, email)
  const lastLinkToken = (email: string, kind: LinkKind) =>
    readLastLinkToken(service.ctx.db, email, kind)

  const invite = (email: string, document?: { title: string; issuedOn: string }) =>
    createInvitation(service.ctx, {
      email,
      institution: 'Cégep de Test',
      ...(document ? { document } : {}),
    })

  const register = (
    email: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => call('POST', '/v1/registrations', registrationBody(email, extra), headers)

  /** Invited, registered, verified: an active account. */
  async function activeAccount(email: string) {
    invite(email)
    const registration = await register(email)
    await call('POST', `/v1/registrations/${registration.body.registrationId}/verify`, {
      code: lastCode(email),
    })
  }

  return {
    service,
    clock,
    call,
    outbox,
    lastCode,
    lastLinkToken,
    invite,
    register,
    activeAccount,
    dbFile,
    close: () => service.close(),
  }
}

export type TestService = Awaited<ReturnType<typeof openTestService>>
