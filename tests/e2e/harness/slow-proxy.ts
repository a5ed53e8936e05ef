import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback HTTP proxy in front of the service that can hold a chosen request until the test
 * lets it go: the kiosk's client times out on it, and the service still receives it later.
 */
export async function startSlowProxy(target: () => string) {
  const holds: Hold[] = []
  const seen: string[] = []

  /** Passes a request on; resolves once the service's whole answer has gone back. */
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) =>
    new Promise<void>((done) => {
      const url = new URL(incoming.url ?? '/', target())
      const upstream = request(
        url,
        { method: incoming.method, headers: incoming.headers },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers)
          response.pipe(outgoing)
          response.on('end', done)
        },
      )
      upstream.on('error', () => {
        if (!outgoing.headersSent) outgoing.writeHead(502)
        outgoing.end()
        done()
      })
      upstream.end(body)
    })

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      seen.push(`${incoming.method} ${incoming.url}`)
      const body = Buffer.concat(chunks)
      const hold = holds.find(
        (candidate) =>
          !candidate.caught &&
          candidate.method === incoming.method &&
          candidate.path.test(incoming.url ?? ''),
      )
      if (hold) hold.catch(() => forward(incoming, outgoing, body))
      else void forward(incoming, outgoing, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Holds the next matching request until `release()`, which resolves once it is answered. */
    holdNext(method: string, path: RegExp) {
      const hold = new Hold(method, path)
      holds.push(hold)
      return { release: () => hold.release() }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A request to hold: caught when it arrives, passed on when the test releases it. */
class Hold {
  caught = false
  private pass: (() => Promise<void>) | undefined
  private arrive!: () => void
  private readonly arrived = new Promise<void>((resolve) => (this.arrive = resolve))

  constructor(
    readonly method: string,
    readonly path: RegExp,
  ) {}

  catch(pass: () => Promise<void>) {
    this.caught = true
    this.pass = pass
    this.arrive()
  }

  async release() {
    await this.arrived
    await this.pass?.()
  }
}
