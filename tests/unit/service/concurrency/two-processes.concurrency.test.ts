import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '@service/db/open-store'
import type { Store } from '@service/db/store'
import { launchService } from '@service/launch'
import {
  codeOf,
  linkTokenOf,
  OUTBOX_SQL,
  outboxAddress,
  type OutboxMail,
} from '../../../fixtures/outbox'
import { rawSql } from '../../../fixtures/raw-sql'
import { registrationBody } from '../../../fixtures/registration-body'
import { freshStorage, testInstances, type TestStorage } from '../engines/test-database'
import { parallelRequests, type RequestSpec } from '../raw-http'
import { PASSWORD } from '../service-harness'
import { tally, times } from './listening-service'

const DEVICE = 'Xq7Vb2mLw9RkT4pZ8nHc1sJfYd6uGa3eQ0oKiNtBrWy'
const ADMIN = 'Lm4Tq9Zx2Wc7Vb1Nk8Hj3Gf6Ds5Ar0PoIuYtReWqEaZ'

/**
 * Two real service processes on one PostgreSQL, as behind a load balancer: nothing shared but the
 * database and the key file, every request sent to each in turn. What the in-process instances of
 * the other suites show, shown here with the production settings (scrypt N=2^17, the CLI).
 */
interface Pair {
  ports: number[]
  store: Store
  children: ChildProcess[]
}

async function startPair(storage: TestStorage, extra: string[] = []): Promise<Pair> {
  const args = [
    '--demo',
    '--port',
    '0',
    '--db',
    storage.database,
    '--key-file',
    storage.keyFile!,
    ...extra,
  ]
  const secrets = { MESCERTIF_DEVICE_TOKENS: DEVICE, MESCERTIF_ADMIN_TOKEN: ADMIN }
  const launched = await Promise.all([launchService(args, secrets), launchService(args, secrets)])
  return {
    ports: launched.map((service) => Number(new URL(service.url).port)),
    children: launched.map((service) => service.child),
    store: openStore(storage.database, { poolSize: 2 }),
  }
}

async function stopPair(pair: Pair) {
  await pair.store.close()
  await Promise.all(
    pair.children.map(
      (child) =>
        new Promise((exited) => {
          child.once('exit', exited)
          child.kill('SIGTERM')
        }),
    ),
  )
}

const request = (method: string, path: string, body?: unknown, token = DEVICE): RequestSpec => ({
  method,
  path,
  headers: {
    authorization: `Bearer ${token}`,
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
  },
  ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
})

/** The pair most tests share (each with its own addresses), started once for this file. */
let shared: Pair | undefined
let pair: Pair | undefined
beforeAll(async () => {
  if (testInstances() === 2) shared = await startPair(await freshStorage())
})
afterAll(async () => {
  if (shared) await stopPair(shared)
})
beforeEach((context) => {
  context.skip(
    testInstances() !== 2,
    'two service processes run in the "service on postgresql, two instances" project',
  )
  pair = shared
})

const outbox = async (email: string) =>
  rawSql(pair!.store).all<OutboxMail>(OUTBOX_SQL, outboxAddress(email))
const count = async (sql: string, ...params: unknown[]) =>
  (await rawSql(pair!.store).get<{ n: number }>(sql, ...params))!.n
const everyOther = (requests: RequestSpec[]) => parallelRequests(pair!.ports, requests)

async function invite(email: string) {
  const [answer] = await parallelRequests(pair!.ports, [
    request('POST', '/v1/invitations', { email, institution: 'Cégep de Test' }, ADMIN),
  ])
  expect(answer!.status).toBe(201)
}

async function register(email: string) {
  const [answer] = await everyOther([request('POST', '/v1/registrations', registrationBody(email))])
  return answer!.json!.registrationId as string
}

describe(
  'two service processes on one PostgreSQL, requests alternating',
  { timeout: 90_000 },
  () => {
    it('the per-device quota: 20 requests at once, 7 a minute allowed, exactly 7 pass', async () => {
      // A pair of its own: the others' requests would count against the quota.
      const limited = await startPair(await freshStorage(), ['--device-requests-per-minute', '7'])
      try {
        const responses = await parallelRequests(
          limited.ports,
          times(20, () => request('GET', '/v1/devices/current')),
        )
        expect(tally(responses)).toEqual({ '200': 7, '429 rate_limited': 13 })
      } finally {
        await stopPair(limited)
      }
    })

    it('30 wrong codes at once: exactly 5 are checked; then the right one is refused too', async () => {
      await invite('code@example.ca')
      const id = await register('code@example.ca')
      const right = codeOf(await outbox('code@example.ca'))
      const wrong = (i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0')
      const responses = await everyOther(
        times(30, (i) => request('POST', `/v1/registrations/${id}/verify`, { code: wrong(i) })),
      )
      expect(tally(responses)).toEqual({ '422 invalid_code': 4, '429 too_many_attempts': 26 })
      const [after] = await everyOther([
        request('POST', `/v1/registrations/${id}/verify`, { code: right }),
      ])
      expect(after!.json?.error?.code).toBe('too_many_attempts')
    })

    it('30 wrong passwords at once: nine are wrong, the tenth locks, the right one is then locked out', async () => {
      const signIn = (password: string) =>
        request('POST', '/v1/sessions', { email: 'lock@example.ca', password })
      const responses = tally(await everyOther(times(30, () => signIn('Wrong-Pass-2026!'))))
      // However the checks interleave: ten failures are counted, the tenth locks, none slips past.
      expect(responses['401 invalid_credentials']).toBe(9)
      expect(responses['423 account_locked']).toBeGreaterThanOrEqual(1)
      expect((responses['423 account_locked'] ?? 0) + (responses['429 rate_limited'] ?? 0)).toBe(21)
      const [locked] = await everyOther([signIn(PASSWORD)])
      expect(locked!.json?.error).toMatchObject({ code: 'account_locked' })
    })

    it('an activation link used 20 times at once activates once', async () => {
      await invite('link@example.ca')
      await register('link@example.ca')
      const token = linkTokenOf(await outbox('link@example.ca'), 'activate')
      const responses = await everyOther(
        times(20, () => request('POST', '/v1/activations', { token })),
      )
      expect(tally(responses)).toEqual({ '200': 1, '410 link_used': 19 })
      expect(
        await count(
          'SELECT count(*) AS n FROM consents c JOIN accounts a ON a.id = c.account_id WHERE a.email = ?',
          'link@example.ca',
        ),
      ).toBe(2)
    })

    it('20 registrations of one address at once: one account, one code, at most 5 mails an hour', async () => {
      await invite('one@example.ca')
      const responses = await everyOther(
        times(20, () => request('POST', '/v1/registrations', registrationBody('one@example.ca'))),
      )
      expect(tally(responses)).toEqual({ '202': 20 })
      expect(
        await count('SELECT count(*) AS n FROM accounts WHERE email = ?', 'one@example.ca'),
      ).toBe(1)
      const mails = await outbox('one@example.ca')
      expect(mails.filter((mail) => mail.kind === 'registrationCode')).toHaveLength(1)
      // The invitation and four more: the hourly cap, counted across both processes.
      expect(mails).toHaveLength(5)
      expect(
        await count('SELECT count(*) AS n FROM mail_events WHERE email = ?', 'one@example.ca'),
      ).toBe(5)
    })

    it('one Idempotency-Key 20 times at once: one registration, one answer replayed', async () => {
      await invite('key@example.ca')
      const spec = request('POST', '/v1/registrations', registrationBody('key@example.ca'))
      const keyed = { ...spec, headers: { ...spec.headers, 'idempotency-key': 'one-key' } }
      const responses = await everyOther(times(20, () => keyed))
      const accepted = responses.filter((response) => response.status === 202)
      expect(accepted.length).toBeGreaterThanOrEqual(1)
      expect(responses.every((r) => r.status === 202 || r.status === 409)).toBe(true)
      expect(new Set(accepted.map((response) => response.body)).size).toBe(1)
      const codes = (await outbox('key@example.ca')).filter((m) => m.kind === 'registrationCode')
      expect(codes).toHaveLength(1)
    })
  },
)
