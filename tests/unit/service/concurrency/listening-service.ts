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
  for (const instance of t.instances) {
    instance.app.server.on('connection', (socket) => {
      peakConnections = Math.max(peakConnections, ++open)
      socket.once('close', () => open--)
      if (waiting && open >= waiting.count) waiting.resolve()
    })
    await instance.app.listen({ host: '127.0.0.1', port: 0 })
    ports.push((instance.app.server.address() as AddressInfo).port)
  }
  const port = ports[0]!

  // Counted on the first instance's context: a second instance hashes through it (service-harness).
  const hasher = t.service.ctx.hasher
  const passwordChecks = { verify: 0, burn: 0 }
  t.service.ctx.hasher = {
    ...hasher,
    verify: (password, stored) => {
      passwordChecks.verify++
      return hasher.verify(password, stored)
    },
    burn: (password) => {
      passwordChecks.burn++
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

  /** Fires every request at once on its own connection; fails if they did not overlap. */
  async function parallel(requests: RequestSpec[]): Promise<RawResponse[]> {
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
