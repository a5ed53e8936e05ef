import { z } from 'zod'
import type { ErrorCode } from '@shared/errors'

/** The 4xx statuses the service answers, each with the shared error codes it carries. */
export const clientErrors = {
  400: {
    description: 'The request is not valid: its body, query, path or headers (see `fields`)',
    codes: ['validation_failed'],
  },
  401: {
    description: 'No known device token, admin token or session',
    codes: [
      'unknown_device',
      'unauthorized',
      'session_expired',
      'staff_session_expired',
      'invalid_credentials',
    ],
  },
  403: {
    description:
      'Not allowed from this device, with this session or role, or without the CSRF token',
    codes: ['forbidden', 'not_counter_device', 'account_not_active'],
  },
  404: { description: 'Nothing by that id or token', codes: ['not_found', 'link_invalid'] },
  409: {
    description: 'Not now: the state does not fit, or the same Idempotency-Key is in flight',
    codes: ['not_applicable', 'idempotency_in_flight', 'validation_failed'],
  },
  410: {
    description: 'Gone: expired or used',
    codes: ['code_expired', 'link_expired', 'link_used'],
  },
  413: { description: 'The body is too large', codes: ['payload_too_large'] },
  415: { description: 'The body is not JSON', codes: ['unsupported_media_type'] },
  422: {
    description:
      'Understood but refused: a wrong code or current password, a password the policy refuses',
    codes: [
      'invalid_code',
      'invalid_credentials',
      'password_policy',
      'validation_failed',
      'idempotency_conflict',
    ],
  },
  423: {
    description: 'The address is locked for a while (`retryAfterSeconds`)',
    codes: ['account_locked'],
  },
  429: {
    description: 'Too many requests or guesses (`retryAfterSeconds`, `attemptsLeft`)',
    codes: ['rate_limited', 'too_many_attempts'],
  },
} as const satisfies Record<number, { description: string; codes: readonly ErrorCode[] }>

export type ClientErrorStatus = keyof typeof clientErrors

/**
 * One endpoint of the contract. Every operation of the document goes through `describe` below,
 * which gives it the error answers its shape implies; `operationId` is required here, so an
 * endpoint added without one does not compile.
 */
export type Operation = {
  /** The name generated clients give the call: lowerCamelCase, unique in the document. */
  operationId: string
  method: 'get' | 'post' | 'delete'
  path: string
  summary: string
  /**
   * `counter`: a counter device's token; `staff`: that and a staff session (`X-Staff-Session`);
   * `console`: the console's session cookie, and `X-CSRF-Token` on every change.
   */
  auth: 'device' | 'session' | 'admin' | 'none' | 'counter' | 'staff' | 'console'
  request?: z.ZodType
  /** Query parameters, each a property of this object schema. */
  query?: z.ZodObject
  status: number
  response?: z.ZodType
  /** The 4xx answers of this endpoint's own rules, beyond those its shape implies (`shapeErrors`). */
  errors?: readonly ClientErrorStatus[]
}

/**
 * The 4xx answers every endpoint of a shape gives, whatever its rules: any request can be refused
 * as malformed (service/http-errors.ts: a missing Host, bad percent-encoding), a token can be
 * unknown or rate limited (service/server.ts), a path id can name nothing, a body can be too large
 * or not JSON.
 */
export function shapeErrors(op: Operation): ClientErrorStatus[] {
  const statuses: ClientErrorStatus[] = [400]
  if (op.auth !== 'none') statuses.push(401)
  // The per-token limiter counts requests that carry an Authorization header; the console's carry
  // a cookie, and its role and CSRF checks answer 403.
  if (op.auth !== 'none' && op.auth !== 'console') statuses.push(429)
  if (op.auth === 'counter' || op.auth === 'staff' || op.auth === 'console') statuses.push(403)
  if (op.path.includes('{')) statuses.push(404)
  if (op.request) statuses.push(413, 415)
  return statuses
}

const securityOf: Record<Exclude<Operation['auth'], 'none'>, string> = {
  device: 'deviceToken',
  session: 'deviceToken',
  counter: 'deviceToken',
  staff: 'deviceToken',
  admin: 'adminToken',
  console: 'consoleSession',
}

const operationIdPattern = /^[a-z][A-Za-z0-9]*$/

export const jsonSchema = (type: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'openapi-3.0' })

/** The error body every 4xx carries, as `components.schemas.ErrorBody`. */
export const errorBodyRef = { $ref: '#/components/schemas/ErrorBody' }

/** One operation as OpenAPI 3.0 describes it: parameters, body, success and every 4xx answer. */
export function describe(op: Operation) {
  if (!operationIdPattern.test(op.operationId))
    throw new Error(`operationId "${op.operationId}" is not lowerCamelCase`)
  const parameters = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  if (op.auth === 'session' || op.auth === 'staff')
    parameters.push({
      name: op.auth === 'staff' ? 'X-Staff-Session' : 'X-Session',
      in: 'header',
      required: true,
      schema: { type: 'string' },
    })
  for (const [name, property] of Object.entries(op.query?.shape ?? {}))
    parameters.push({
      name,
      in: 'query',
      required: !(property as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(property as z.ZodType, 'input') as { type: string },
    })
  if (op.auth === 'console' && op.method !== 'get')
    parameters.push({
      name: 'X-CSRF-Token',
      in: 'header',
      required: true,
      schema: { type: 'string' },
    })
  // `1` on a read the page makes on its own (a poll): the session's idle clock does not move.
  if (op.auth === 'console' && op.method === 'get')
    parameters.push({
      name: 'X-Console-Unattended',
      in: 'header',
      required: false,
      schema: { type: 'string' },
    })
  if (op.path === '/v1/registrations')
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string' },
    })
  const statuses = [...new Set([...shapeErrors(op), ...(op.errors ?? [])])].sort((a, b) => a - b)
  const errorAnswers = Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: `${clientErrors[status].description}. Codes: ${clientErrors[status].codes.join(', ')}`,
        content: { 'application/json': { schema: errorBodyRef } },
      },
    ]),
  )
  return {
    operationId: op.operationId,
    summary: op.summary,
    security: op.auth === 'none' ? [] : [{ [securityOf[op.auth]]: [] }],
    parameters,
    ...(op.request
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.request, 'input') } },
          },
        }
      : {}),
    responses: {
      [op.status]: op.response
        ? {
            description: 'Success',
            content: { 'application/json': { schema: jsonSchema(op.response, 'output') } },
          }
        : { description: 'Success, no body' },
      ...errorAnswers,
      default: {
        description: 'Any other error (5xx, or a 4xx raised before routing), in the same shape',
        content: { 'application/json': { schema: errorBodyRef } },
      },
    },
  }
}
