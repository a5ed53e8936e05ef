import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Exchange {
  method: string
  path: string
  status: number
  body: string
}

/**
 * A loopback proxy in front of the service that can hold a chosen request until the test lets it
 * go: the test learns (an event, not a delay) that the request reached the service's door, wipes
 * the kiosk, then releases it, so the answer lands after the wipe every time. It also records
 * every exchange, so a test can read what the service answered (a session token) as an
 * eavesdropper would, without the kiosk's help.
 */
export async function startHoldingProxy(target: () => string) {
  const holds: {
    method: string
    path: RegExp
    arrived: () => void
    released: Promise<void>
  }[] = []
  const exchanges: Exchange[] = []

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) => {
    const upstream = request(
      new URL(incoming.url ?? '/', target()),
      { method: incoming.method, headers: incoming.headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks)
          exchanges.push({
            method: incoming.method ?? '',
            path: incoming.url ?? '',
            status: response.statusCode ?? 0,
            body: text.toString('utf8'),
          })
          outgoing.writeHead(response.statusCode ?? 502, response.headers)
          outgoing.end(text)
        })
      },
    )
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502)
      outgoing.end()
    })
    upstream.end(body)
  }

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const body = Buffer.concat(chunks)
      const index = holds.findIndex(
        (hold) => hold.method === incoming.method && hold.path.test(incoming.url ?? ''),
      )
      const hold = index >= 0 ? holds.splice(index, 1)[0] : undefined
      if (!hold) return forward(incoming, outgoing, body)
      hold.arrived()
      void hold.released.then(() => forward(incoming, outgoing, body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    /** Holds the next matching request: `arrived` resolves when it comes in, `release` lets it go. */
    holdNext(method: string, path: RegExp) {
      let arrived!: () => void
      let release!: () => void
      const arrival = new Promise<void>((resolve) => (arrived = resolve))
      const released = new Promise<void>((resolve) => (release = resolve))
      holds.push({ method, path, arrived, released })
      return { arrival, release }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type HoldingProxy = Awaited<ReturnType<typeof startHoldingProxy>>
