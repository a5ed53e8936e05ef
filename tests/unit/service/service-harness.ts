import { createService, type Service, type ServiceOptions } from '@service/server'
import { createInvitation } from '@service/domain/invitations'
import type { LinkKind } from '@shared/mail-link'
import {
  asReceived,
  codeOf,
  linkTokenOf,
  OUTBOX_SQL,
  outboxAddress,
  type OutboxMail,
} from '../../fixtures/outbox'
import { rawSql } from '../../fixtures/raw-sql'
import { GOOD_PASSWORD, registrationBody } from '../../fixtures/registration-body'
import { freshStorage, testInstances, type TestStorage } from './engines/test-database'

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

/** A request body: JSON-like values only, so a forgotten `await` (a Promise) does not compile. */
export type Body =
  string | number | boolean | null | readonly Body[] | { readonly [key: string]: Body | undefined }

/**
 * A second instance of the same service on the same database, as behind a load balancer: its own
 * pool, Fastify app, quota and mail delivery. It draws codes and hashes passwords through the
 * first one's context, so that a test scripting codes or counting password checks on
 * `t.service.ctx` sees what both instances do.
 */
async function secondInstance(first: Service, options: ServiceOptions): Promise<Service> {
  const second = await createService(options)
  second.ctx.newCode = () => first.ctx.newCode()
  second.ctx.hasher = {
    hash: (password) => first.ctx.hasher.hash(password),
    verify: (password, stored) => first.ctx.hasher.verify(password, stored),
    burn: (password) => first.ctx.hasher.burn(password),
  }
  return second
}

/**
 * A real service on a real database, driven through Fastify's inject, with a movable clock. The
 * engine is the vitest project's (vitest.config.ts): a SQLite file, a PostgreSQL database, or a
 * PostgreSQL database served by two instances that take requests in turn. `storage` reopens the
 * data of an earlier service (a restart).
 */
export async function openTestService(
  options: Partial<ServiceOptions> = {},
  storage?: TestStorage,
) {
  const clock = { at: Date.parse('2026-11-28T12:00:00Z'), now: () => clock.at }
  const own = storage ?? (await freshStorage())
  const serviceOptions: ServiceOptions = {
    database: own.database,
    ...(own.keyFile ? { keyFile: own.keyFile } : {}),
    poolSize: 4,
    demo: true,
    adminToken: ADMIN,
    deviceTokens: [DEVICE],
    clock,
    // Lower cost keeps 200 tests fast; a dedicated test checks production uses 2^17.
    scryptCost: 2 ** 10,
    deviceRequestsPerMinute: 1_000_000,
    ...options,
  }
  const service: Service = await createService(serviceOptions)
  const instances = [service]
  if (testInstances() === 2) instances.push(await secondInstance(service, serviceOptions))
  let turn = 0
  /** The instance that takes the next request: each in turn. */
  const nextInstance = () => instances[turn++ % instances.length]!
  const auth = { authorization: `Bearer ${DEVICE}` }

  async function call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ) {
    const response = await nextInstance().app.inject({
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

  /** Plain SQL on the service's database, `?` placeholders, either engine. */
  const sql = rawSql(service.ctx.store)
  const outbox = async (email: string): Promise<OutboxMail[]> =>
    asReceived(await sql.all<OutboxMail>(OUTBOX_SQL, outboxAddress(email)))
  const lastCode = async (email: string) => codeOf(await outbox(email))
  const lastLinkToken = async (email: string, kind: LinkKind) =>
    linkTokenOf(await outbox(email), kind)

  const invite = (email: string, document?: { title: string; issuedOn: string }) =>
    createInvitation(service.ctx, {
      email,
      institution: 'Cégep de Test',
      ...(document ? { document } : {}),
    })

  const register = (
    email: string,
    extra: Record<string, Body | undefined> = {},
    headers: Record<string, string> = {},
  ) => call('POST', '/v1/registrations', registrationBody(email, extra) as Body, headers)

  /** Invited, registered, verified: an active account. */
  async function activeAccount(email: string) {
    await invite(email)
    const registration = await register(email)
    await call('POST', `/v1/registrations/${registration.body.registrationId}/verify`, {
      code: await lastCode(email),
    })
  }

  return {
    service,
    /** Every instance serving this test (two on the "PostgreSQL, two instances" project). */
    instances,
    clock,
    call,
    sql,
    outbox,
    lastCode,
    lastLinkToken,
    invite,
    register,
    activeAccount,
    /** The database and key, to open the same data again (`openTestService(options, storage)`). */
    storage: own,
    /** Resolves once every instance's retention run in progress, if any, has ended. */
    retentionIdle: async () => {
      await Promise.all(instances.map((instance) => instance.retention.idle()))
    },
    /** The service key's file: given on PostgreSQL, made beside the SQLite file otherwise. */
    keyFile: own.keyFile ?? `${own.database}.key`,
    close: async () => {
      for (const instance of instances) await instance.close()
    },
  }
}

export type TestService = Awaited<ReturnType<typeof openTestService>>
