import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback HTTP proxy in front of the service that can hold chosen requests for a while, to
 * make the kiosk's client time out while the service still receives the request later.
 */
export async function startSlowProxy(target: () => string) {
  const holds: { method: string; path: RegExp; ms: number }[] = []
  const seen: string[] = []

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) => {
    const url = new URL(incoming.url ?? '/', target())
    const upstream = request(
      url,
      { method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(outgoing)
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
      seen.push(`${incoming.method} ${incoming.url}`)
      const index = holds.findIndex(
        (hold) => hold.method === incoming.method && hold.path.test(incoming.url ?? ''),
      )
      const hold = index >= 0 ? holds.splice(index, 1)[0] : undefined
      const body = Buffer.concat(chunks)
      if (hold) setTimeout(() => forward(incoming, outgoing, body), hold.ms)
      else forward(incoming, outgoing, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** The next matching request is held `ms` before it is passed on. */
    holdNext(method: string, path: RegExp, ms: number) {
      holds.push({ method, path, ms })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
