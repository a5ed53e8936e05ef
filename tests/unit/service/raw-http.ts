import { connect, type Socket } from 'node:net'

export interface RawResponse {
  /** Further answers on the same connection, if the request's framing produced any. */
  following?: RawResponse[]
  status: number
  headers: Record<string, string>
  body: string
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json:
    (Record<string, unknown> & { error?: { code: string } & Record<string, unknown> }) | undefined
}

export interface RequestSpec {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

/** An HTTP/1.1 request as bytes, exactly as given: tests may lie in it (lengths, encodings). */
export function formatRequest(spec: RequestSpec): Buffer {
  const body =
    typeof spec.body === 'string' ? Buffer.from(spec.body) : (spec.body ?? Buffer.alloc(0))
  const headers = {
    host: '127.0.0.1',
    connection: 'close',
    ...(spec.body !== undefined ? { 'content-length': String(body.length) } : {}),
    ...spec.headers,
  }
  const head = [
    `${spec.method} ${spec.path} HTTP/1.1`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n')
  return Buffer.concat([Buffer.from(head, 'latin1'), body])
}

/**
 * Parses the answers in a connection's bytes. Usually one; more when the request's own framing
 * made the server read a second request from it (e.g. a Content-Length shorter than the body).
 */
export function parseResponses(raw: Buffer): RawResponse[] {
  const responses: RawResponse[] = []
  let rest = raw
  while (rest.length > 0) {
    const split = rest.indexOf('\r\n\r\n')
    const head = rest.subarray(0, split >= 0 ? split : rest.length).toString('latin1')
    const [statusLine = '', ...headerLines] = head.split('\r\n')
    const headers = Object.fromEntries(
      headerLines.map((line) => {
        const colon = line.indexOf(':')
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]
      }),
    )
    const bodyStart = split >= 0 ? split + 4 : rest.length
    const length = headers['content-length'] ? Number(headers['content-length']) : rest.length
    const bodyBytes = rest.subarray(bodyStart, bodyStart + length)
    const body = bodyBytes.toString('utf8')
    let json: RawResponse['json']
    try {
      json = body ? (JSON.parse(body) as RawResponse['json']) : undefined
    } catch {
      json = undefined
    }
    const status = Number(statusLine.split(' ')[1])
    if (status >= 100 && status < 200) {
      // An interim answer (100 Continue): no body, the real answer follows.
      rest = rest.subarray(bodyStart)
      continue
    }
    responses.push({ status, headers, body, json })
    rest = rest.subarray(bodyStart + bodyBytes.length)
  }
  return responses
}

export function parseResponse(raw: Buffer): RawResponse {
  return parseResponses(raw)[0] ?? { status: NaN, headers: {}, body: '', json: undefined }
}

/** Resolves once the socket is connected. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** Writes the bytes and reads the whole answer (the request asks the server to close). */
function exchange(socket: Socket, request: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.once('error', reject)
    socket.once('close', () => {
      const [first, ...following] = parseResponses(Buffer.concat(chunks))
      resolve({ ...(first ?? parseResponse(Buffer.alloc(0))), following })
    })
    socket.write(request)
  })
}

/** One request on its own connection. */
export async function rawRequest(
  port: number,
  request: RequestSpec | Buffer,
): Promise<RawResponse> {
  const bytes = Buffer.isBuffer(request) ? request : formatRequest(request)
  return exchange(await open(port), bytes)
}

/**
 * Real parallelism: every connection is open before any request is written (`beforeWriting`
 * can wait for the server to have accepted them all), then all requests are written in the same
 * tick, so the service has them all in flight at once. With several ports (instances of one
 * service), the requests go to each in turn.
 */
export async function parallelRequests(
  ports: number | readonly number[],
  requests: readonly RequestSpec[],
  beforeWriting: () => Promise<void> = async () => {},
): Promise<RawResponse[]> {
  const targets = typeof ports === 'number' ? [ports] : ports
  const sockets = await Promise.all(requests.map((_, i) => open(targets[i % targets.length]!)))
  await beforeWriting()
  return Promise.all(sockets.map((socket, i) => exchange(socket, formatRequest(requests[i]!))))
}
