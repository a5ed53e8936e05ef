import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { FieldProblem } from '@shared/errors'
import { apiError } from './errors'
import type { ServiceContext } from './context'
import { enabledDeviceByToken, type DeviceRow } from './domain/devices'
import { sha256 } from './security/secrets'

function fieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required'
  if (issue.code === 'too_big') return 'too_long'
  if (issue.code === 'too_small') return 'too_short'
  if (issue.code === 'invalid_value' && issue.values?.includes(true)) return 'must_accept'
  return 'invalid'
}

/** Validates a body or params with a shared zod schema; `validation_failed` names each field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const fields: Record<string, FieldProblem> = {}
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key.slice(0, 64)] = 'invalid'
      continue
    }
    const key = issue.path.length ? issue.path.join('.') : '(body)'
    fields[key.slice(0, 64)] ??= fieldProblem(issue)
  }
  throw apiError(400, 'validation_failed', { fields })
}

declare module 'fastify' {
  interface FastifyRequest {
    deviceId?: string
    /**
     * The enabled device the request's token names, when the device quota's statement already
     * found it (PostgreSQL; null: none), so requireDevice need not ask again.
     */
    enabledDevice?: DeviceRow | null
  }
}

/**
 * The token of an `Authorization` header written exactly `Bearer <token>` (RFC 6750's b64token
 * characters), else nothing. One spelling per token: the per-device quota is keyed on the token
 * this returns, so `Bearer␠␠T`, a tab or a trailing space cannot buy a device a fresh quota.
 */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined
  return /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header)?.[1]
}

const bearer = (request: FastifyRequest) => bearerToken(request.headers.authorization)

/** Kiosk calls: the device token must belong to an enabled device (docs/account-service.md). */
export async function requireDevice(ctx: ServiceContext, request: FastifyRequest): Promise<string> {
  const token = bearer(request)
  if (!token) throw apiError(401, 'unknown_device')
  const row =
    request.enabledDevice !== undefined
      ? request.enabledDevice
      : await enabledDeviceByToken(ctx, token)
  if (!row) throw apiError(401, 'unknown_device')
  request.deviceId = row.id
  return row.id
}

export function requireAdmin(ctx: ServiceContext, request: FastifyRequest): void {
  const token = bearer(request)
  if (!token || sha256(token) !== ctx.adminTokenHash) throw apiError(401, 'unauthorized')
}

export function send(reply: FastifyReply, status: number, body?: unknown) {
  reply.code(status)
  return body === undefined ? reply.send() : reply.send(body)
}
