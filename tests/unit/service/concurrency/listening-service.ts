import type { AddressInfo } from 'node:net'
import type { ServiceOptions } from '@service/server'
import { parallelRequests, rawRequest, type RawResponse, type RequestSpec } from '../raw-http'
import { DEVICE, openTestService, type Body } from '../service-harness'
import { registrationBody } from '../../../fixtures/registration-body'

/**
 * The test service listening on loopback, for requests that really overlap: many sockets open
 * at once (see `parallelRequests`). It records how many connections it held at the same time,
 * and how many password checks ran, so a test can prove both the parallelism and the limit.
 */
export async function openListeningService(options: Partial<ServiceOptions> = {}) {
  const t = await openTestService(options)
  let open = 0
  let peakConnections = 0
  let waiting: { count: number; resolve: () => void } | undefined
  /** Resolves once the servers themselves hold `count` connections (accepts can lag the client's). */
  const serverHolds = (count: number) =>
    new Promise<void>((resolve) => {
      if (open >= count) resolve()
      else waiting = { count, resolve }
    })
  // Every instance listens; requests go to each in turn, as a load balancer sends them.
  const ports: number[] = []
  let answered = 0
  for (const instance of t.instances) {
    instance.app.server.on('request', (_request, response) =>
      response.once('finish', () => {
        answered++
        settleHold()
      }),
    )
    instance.app.server.on('connection', (socket) => {
      peakConnections = Math.max(peakConnections, ++open)
      socket.once('close', () => open--)
      if (waiting && open >= waiting.count) waiting.resolve()
    })
    await instance.app.listen({ host: '127.0.0.1', port: 0 })
    ports.push((instance.app.server.address() as AddressInfo).port)
  }
  const port = ports[0]!

  /**
   * Password hashing (a hash, a check, or the burn for an unknown address) held until `checks`
   * of them have begun and every other request has been answered: in production scrypt (N=2^17)
   * lasts far longer than refusing a request, and the hold makes that so on any engine and any
   * number of instances, so a test can say exactly what was refused meanwhile.
   */
  let hold:
    | { checks: number; others: number; since: number; begun: number; release: () => void }
    | undefined
  const holdReleased = { promise: Promise.resolve() }
  function settleHold() {
    if (!hold) return
    const allBegun = hold.begun >= hold.checks
    if (hold.begun > hold.checks || (allBegun && answered - hold.since >= hold.others)) {
      hold.release()
      hold = undefined
    }
  }
  async function checkBegins() {
    if (!hold) return
    hold.begun++
    const released = holdReleased.promise
    settleHold()
    await released
  }

  // Counted on the first instance's context: a second instance hashes through it (service-harness).
  const hasher = t.service.ctx.hasher
  const passwordChecks = { verify: 0, burn: 0 }
  t.service.ctx.hasher = {
    hash: async (password) => {
      await checkBegins()
      return hasher.hash(password)
    },
    verify: async (password, stored) => {
      passwordChecks.verify++
      await checkBegins()
      return hasher.verify(password, stored)
    },
    burn: async (password) => {
      passwordChecks.burn++
      await checkBegins()
      return hasher.burn(password)
    },
  }

  const json = (method: string, path: string, body?: Body, headers: Record<string, string> = {}) =>
    ({
      method,
      path,
      headers: {
        authorization: `Bearer ${DEVICE}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }) satisfies RequestSpec

  /**
   * Fires every request at once on its own connection; fails if they did not overlap. With
   * `holdHashing`, that many requests' password hashing waits until the others are answered.
   */
  async function parallel(
    requests: RequestSpec[],
    options: { holdHashing?: number } = {},
  ): Promise<RawResponse[]> {
    if (options.holdHashing !== undefined) {
      const checks = options.holdHashing
      holdReleased.promise = new Promise<void>((release) => {
        hold = { checks, others: requests.length - checks, since: answered, begun: 0, release }
      })
    }
    peakConnections = open
    const responses = await parallelRequests(ports, requests, () => serverHolds(requests.length))
    if (peakConnections < requests.length)
      throw new Error(`only ${peakConnections} of ${requests.length} requests overlapped`)
    return responses
  }

  let sent = 0
  return {
    ...t,
    port,
    json,
    parallel,
    ports,
    send: (request: RequestSpec) => rawRequest(ports[sent++ % ports.length]!, request),
    registrationBody,
    passwordChecks,
    close: async () => {
      await t.close()
    },
  }
}

export type ListeningService = Awaited<ReturnType<typeof openListeningService>>

/** How many answers had each `status code`, e.g. `{ '202': 1, '409 idempotency_in_flight': 19 }`. */
export function tally(responses: readonly RawResponse[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const response of responses) {
    const key = [response.status, response.json?.error?.code].filter(Boolean).join(' ')
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

export const times = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i))
