import { z } from 'zod'
import * as api from '@shared/api/schemas'
import { ErrorBody } from '@shared/errors'
import { consoleOperations } from './openapi-console'
import { counterOperations } from './openapi-counter'
import { SERVICE_VERSION } from './version'

export type Operation = {
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
}

const operations: Operation[] = [
  {
    method: 'get',
    path: '/v1/health',
    summary: 'Status and version',
    auth: 'none',
    status: 200,
    response: api.Health,
  },
  {
    method: 'get',
    path: '/v1/health/ready',
    summary: 'Readiness for a load balancer: 200 while the database answers, else 503',
    auth: 'none',
    status: 200,
    response: api.Health,
  },
  {
    method: 'post',
    path: '/v1/invitations',
    summary: 'Invite an email address',
    auth: 'admin',
    request: api.InvitationRequest,
    status: 201,
    response: api.InvitationCreated,
  },
  {
    method: 'get',
    path: '/v1/links/{token}',
    summary: 'What a mail-link token is',
    auth: 'device',
    status: 200,
    response: api.LinkInfo,
  },
  {
    method: 'post',
    path: '/v1/registrations',
    summary: 'Register (always 202; send Idempotency-Key)',
    auth: 'device',
    request: api.RegistrationRequest,
    status: 202,
    response: api.RegistrationAccepted,
  },
  {
    method: 'post',
    path: '/v1/registrations/{id}/verify',
    summary: 'Verify the emailed code',
    auth: 'device',
    request: api.CodeRequest,
    status: 200,
    response: api.AccountActivated,
  },
  {
    method: 'post',
    path: '/v1/registrations/{id}/resend',
    summary: 'Send a new code (the old one dies)',
    auth: 'device',
    status: 202,
    response: api.ResendAccepted,
  },
  {
    method: 'post',
    path: '/v1/activations',
    summary: 'Activate with an activation-link token',
    auth: 'device',
    request: api.ActivationRequest,
    status: 200,
    response: api.AccountActivated,
  },
  {
    method: 'post',
    path: '/v1/sessions',
    summary: 'Sign in',
    auth: 'device',
    request: api.SessionRequest,
    status: 200,
    response: api.SessionCreated,
  },
  {
    method: 'delete',
    path: '/v1/sessions/current',
    summary: 'Sign out',
    auth: 'session',
    status: 204,
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: 'Profile of the signed-in person',
    auth: 'session',
    status: 200,
    response: api.Profile,
  },
  {
    method: 'get',
    path: '/v1/me/documents',
    summary: 'Documents made available to the signed-in person',
    auth: 'session',
    status: 200,
    response: api.DocumentList,
  },
  {
    method: 'post',
    path: '/v1/recovery',
    summary: "I can't sign in (always 202)",
    auth: 'device',
    request: api.RecoveryRequest,
    status: 202,
    response: api.RecoveryAccepted,
  },
  {
    method: 'post',
    path: '/v1/recovery/{id}/verify',
    summary: 'Verify the recovery code',
    auth: 'device',
    request: api.CodeRequest,
    status: 200,
    response: api.RecoveryVerified,
  },
  {
    method: 'post',
    path: '/v1/recovery/{id}/resend',
    summary: 'Send a new recovery code',
    auth: 'device',
    status: 202,
    response: api.ResendAccepted,
  },
  {
    method: 'post',
    path: '/v1/password-resets',
    summary: 'Choose a new password',
    auth: 'device',
    request: api.PasswordResetRequest,
    status: 204,
  },
]

const securityOf: Record<Exclude<Operation['auth'], 'none'>, string> = {
  device: 'deviceToken',
  session: 'deviceToken',
  counter: 'deviceToken',
  staff: 'deviceToken',
  admin: 'adminToken',
  console: 'consoleSession',
}

const schema = (type: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'openapi-3.0' })

/** OpenAPI 3 document generated from the zod schemas in `shared/` (one source of truth). */
export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of [...operations, ...counterOperations, ...consoleOperations]) {
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
        schema: schema(property as z.ZodType, 'input') as { type: string },
      })
    if (op.auth === 'console' && op.method !== 'get')
      parameters.push({
        name: 'X-CSRF-Token',
        in: 'header',
        required: true,
        schema: { type: 'string' },
      })
    if (op.path === '/v1/registrations')
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string' },
      })
    ;(paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      security: op.auth === 'none' ? [] : [{ [securityOf[op.auth]]: [] }],
      parameters,
      ...(op.request
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(op.request, 'input') } },
            },
          }
        : {}),
      responses: {
        [op.status]: op.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: schema(op.response, 'output') } },
            }
          : { description: 'Success, no body' },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: schema(ErrorBody, 'output') } },
        },
      },
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: 'MesCertif account service', version: SERVICE_VERSION },
    components: {
      securitySchemes: {
        deviceToken: {
          type: 'http',
          scheme: 'bearer',
          description: "The kiosk's provisioned device token",
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The institution administrator token',
        },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mescertif-console',
          description:
            'The console session cookie (HttpOnly, SameSite=Strict; `__Secure-mescertif-console` behind TLS), set by POST /v1/console/session',
        },
      },
    },
    paths,
  }
}
