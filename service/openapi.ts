import * as api from '@shared/api/schemas'
import { ErrorBody } from '@shared/errors'
import { consoleOperations } from './openapi-console'
import { counterOperations } from './openapi-counter'
import { describe, jsonSchema, type Operation } from './openapi-operation'
import { SERVICE_VERSION } from './version'

const kioskOperations: Operation[] = [
  {
    operationId: 'getHealth',
    method: 'get',
    path: '/v1/health',
    summary: 'Status and version',
    auth: 'none',
    status: 200,
    response: api.Health,
  },
  {
    operationId: 'getReadiness',
    method: 'get',
    path: '/v1/health/ready',
    summary: 'Readiness for a load balancer: 200 while the database answers, else 503',
    auth: 'none',
    status: 200,
    response: api.Health,
  },
  {
    operationId: 'createInvitation',
    method: 'post',
    path: '/v1/invitations',
    summary: 'Invite an email address',
    auth: 'admin',
    request: api.InvitationRequest,
    status: 201,
    response: api.InvitationCreated,
  },
  {
    operationId: 'resolveLink',
    method: 'get',
    path: '/v1/links/{token}',
    summary: 'What a mail-link token is',
    auth: 'device',
    errors: [410],
    status: 200,
    response: api.LinkInfo,
  },
  {
    operationId: 'register',
    method: 'post',
    path: '/v1/registrations',
    summary: 'Register (always 202; send Idempotency-Key)',
    auth: 'device',
    request: api.RegistrationRequest,
    errors: [409, 422],
    status: 202,
    response: api.RegistrationAccepted,
  },
  {
    operationId: 'verifyRegistration',
    method: 'post',
    path: '/v1/registrations/{id}/verify',
    summary: 'Verify the emailed code',
    auth: 'device',
    request: api.CodeRequest,
    errors: [410, 422],
    status: 200,
    response: api.AccountActivated,
  },
  {
    operationId: 'resendRegistration',
    method: 'post',
    path: '/v1/registrations/{id}/resend',
    summary: 'Send a new code (the old one dies)',
    auth: 'device',
    errors: [410],
    status: 202,
    response: api.ResendAccepted,
  },
  {
    operationId: 'activate',
    method: 'post',
    path: '/v1/activations',
    summary: 'Activate with an activation-link token',
    auth: 'device',
    request: api.ActivationRequest,
    errors: [404, 410],
    status: 200,
    response: api.AccountActivated,
  },
  {
    operationId: 'signIn',
    method: 'post',
    path: '/v1/sessions',
    summary: 'Sign in',
    auth: 'device',
    request: api.SessionRequest,
    errors: [403, 423],
    status: 200,
    response: api.SessionCreated,
  },
  {
    operationId: 'signOut',
    method: 'delete',
    path: '/v1/sessions/current',
    summary: 'Sign out',
    auth: 'session',
    status: 204,
  },
  {
    operationId: 'getProfile',
    method: 'get',
    path: '/v1/me',
    summary: 'Profile of the signed-in person',
    auth: 'session',
    status: 200,
    response: api.Profile,
  },
  {
    operationId: 'listDocuments',
    method: 'get',
    path: '/v1/me/documents',
    summary: 'Documents made available to the signed-in person',
    auth: 'session',
    status: 200,
    response: api.DocumentList,
  },
  {
    operationId: 'requestRecovery',
    method: 'post',
    path: '/v1/recovery',
    summary: "I can't sign in (always 202)",
    auth: 'device',
    request: api.RecoveryRequest,
    status: 202,
    response: api.RecoveryAccepted,
  },
  {
    operationId: 'verifyRecovery',
    method: 'post',
    path: '/v1/recovery/{id}/verify',
    summary: 'Verify the recovery code',
    auth: 'device',
    request: api.CodeRequest,
    errors: [410, 422],
    status: 200,
    response: api.RecoveryVerified,
  },
  {
    operationId: 'resendRecovery',
    method: 'post',
    path: '/v1/recovery/{id}/resend',
    summary: 'Send a new recovery code',
    auth: 'device',
    errors: [410],
    status: 202,
    response: api.ResendAccepted,
  },
  {
    operationId: 'resetPassword',
    method: 'post',
    path: '/v1/password-resets',
    summary: 'Choose a new password',
    auth: 'device',
    request: api.PasswordResetRequest,
    errors: [404, 422],
    status: 204,
  },
]

/** Every endpoint of the contract: the kiosk's, the counter desk's and the fleet's, the console's. */
export const allOperations: readonly Operation[] = [
  ...kioskOperations,
  ...counterOperations,
  ...consoleOperations,
]

/**
 * OpenAPI 3 document generated from the zod schemas in `shared/` (one source of truth). It passes
 * Redocly's recommended rules (tests/unit/service/openapi/redocly-lint.test.ts): every operation
 * has an operationId and its 4xx answers in the shared error shape (`describe`).
 */
export function buildOpenApi(operations: readonly Operation[] = allOperations) {
  const paths: Record<string, Record<string, unknown>> = {}
  const operationIds = new Set<string>()
  for (const op of operations) {
    if (operationIds.has(op.operationId))
      throw new Error(`operationId "${op.operationId}" is used twice`)
    operationIds.add(op.operationId)
    ;(paths[op.path] ??= {})[op.method] = describe(op)
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'MesCertif account service',
      version: SERVICE_VERSION,
      description:
        'The account service a MesCertif kiosk talks to. Each institution runs its own; every ' +
        'error answers `{ "error": { "code", "message", ... } }` with a code from shared/errors.ts.',
      license: { name: 'Proprietary (UNLICENSED)', url: 'https://mescertif.example.ca/kiosk' },
    },
    // Relative: the service that serves this document is the one it describes.
    servers: [{ url: '/', description: 'The account service that served this document' }],
    components: {
      schemas: { ErrorBody: jsonSchema(ErrorBody, 'output') },
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
