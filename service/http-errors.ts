import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply } from 'fastify'
import { ApiError, apiError } from './errors'

/**
 * Every error the service sends has the documented shape, `{ error: { code, message, ... } }`
 * with a code from `shared/errors.ts`: those the routes throw, those Fastify raises while
 * parsing, and those Node's HTTP parser raises before Fastify sees the request. Never a stack
 * trace, never a 500 for bad input.
 */
export function toApiError(error: FastifyError | ApiError | Error): ApiError {
  if (error instanceof ApiError) return error
  const fastifyError = error as FastifyError
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return apiError(413, 'payload_too_large')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return apiError(415, 'unsupported_media_type')
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return apiError(414, 'payload_too_large', { message: 'The request path is too long.' })
    case 'FST_ERR_BAD_URL':
      return apiError(400, 'validation_failed', { fields: { '(path)': 'invalid' } })
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return apiError(400, 'validation_failed', { fields: { '(body)': 'invalid' } })
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return apiError(400, 'validation_failed', { fields: { '(body)': 'invalid' } })
  }
  return apiError(500, 'server_error')
}

export function sendApiError(reply: FastifyReply, error: ApiError) {
  if (error.body.retryAfterSeconds)
    reply.header('Retry-After', String(error.body.retryAfterSeconds))
  return reply.code(error.status).send({ error: error.body })
}

/** What Node's parser refused (headers too large, a malformed request, a timeout), in our shape. */
function clientErrorFor(code: string | undefined): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW')
    return apiError(431, 'payload_too_large', { message: 'The request headers are too large.' })
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return apiError(408, 'timeout', { message: 'The request took too long to arrive.' })
  return apiError(400, 'validation_failed', { fields: { '(request)': 'invalid' } })
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
}

/**
 * Fastify's `clientErrorHandler`, for Node's `clientError` event: the request never reached a
 * route, so the answer is written on the socket, in our shape, and the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, body } = clientErrorFor(error.code)
  const json = JSON.stringify({ error: body })
  if (socket.writable)
    socket.end(
      `HTTP/1.1 ${status} ${reasons[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    )
  else socket.destroy()
}

/**
 * Node's `checkExpectation` event: an `Expect` header other than `100-continue`. Without a
 * listener Node answers 417 itself with an empty body; this answers it in our shape.
 */
export function answerUnmetExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const json = JSON.stringify({
    error: apiError(417, 'validation_failed', { fields: { expect: 'invalid' } }).body,
  })
  response.writeHead(417, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    connection: 'close',
  })
  response.end(json)
}
