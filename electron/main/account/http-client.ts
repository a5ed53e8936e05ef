import axios, { type AxiosError, type AxiosInstance } from 'axios'
import * as api from '@shared/api/schemas'
import type { Heartbeat } from '@shared/api/fleet'
import { withNodeErrorCodes, type NetFetch } from './chromium-net-errors'
import { counterCalls } from './counter-calls'
import type { RetryPolicy, ServiceCall } from './service-call'
import { ErrorBody, type ErrorCode, type KioskError } from '@shared/errors'
import type { Locale } from '@shared/locales'

export interface AccountClientOptions {
  baseUrl: string
  deviceToken: string
  timeoutMs?: number
  /** Waits before each retry; its length is the number of retries. */
  retryDelaysMs?: readonly number[]
  sleep?: (ms: number) => Promise<void>
  /**
   * Electron's `net.fetch` in the kiosk, so Chromium's proxy and certificate handling apply (axios'
   * fetch adapter). Left out, axios keeps its Node http adapter (the browser harness, `--check`
   * under plain Node, the tests).
   */
  fetch?: NetFetch
}

const RETRYABLE_STATUSES = new Set([502, 503, 504])
const REFUSED = new Set(['ECONNREFUSED'])
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ECONNABORTED',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
])

function isTimeout(error: AxiosError): boolean {
  return (
    error.code === 'ECONNABORTED' ||
    error.code === 'ETIMEDOUT' ||
    error.code === 'ERR_SOCKET_CONNECTION_TIMEOUT'
  )
}

/** Every HTTP or network failure becomes one of the shared error codes. */
export function mapFailure(error: unknown): KioskError {
  if (!axios.isAxiosError(error)) return { code: 'internal_error' }
  if (error.response) return mapErrorResponse(error.response.status, error.response.data)
  if (isTimeout(error)) return { code: 'timeout' }
  // The service answered, but not with something usable (e.g. a redirect under net.fetch).
  if (error.code === 'ERR_BAD_RESPONSE') return { code: 'server_error' }
  return { code: 'service_unreachable' }
}

export function mapErrorResponse(status: number, data: unknown): KioskError {
  const parsed = ErrorBody.safeParse(data)
  if (parsed.success) {
    // The service's English message is for developers; the renderer words it per locale.
    const { message: _message, ...error } = parsed.data.error
    return error
  }
  const byStatus: Record<number, ErrorCode> = {
    401: 'unknown_device',
    404: 'not_found',
    413: 'payload_too_large',
    429: 'rate_limited',
  }
  return { code: byStatus[status] ?? 'server_error' }
}

function shouldRetry(error: unknown, policy: RetryPolicy): boolean {
  if (!axios.isAxiosError(error)) return false
  if (error.response) {
    if (policy !== 'safe') return false
    // The same Idempotency-Key is still being processed (e.g. our own timed-out attempt): ask again.
    if (error.response.status === 409)
      return mapErrorResponse(409, error.response.data).code === 'idempotency_in_flight'
    return RETRYABLE_STATUSES.has(error.response.status)
  }
  const code = error.code ?? ''
  if (policy === 'once') return REFUSED.has(code)
  return NETWORK.has(code) || isTimeout(error)
}

export function createAccountClient(options: AccountClientOptions) {
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const retryDelays = options.retryDelaysMs ?? [300, 1000]
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? 10_000,
    headers: { Authorization: `Bearer ${options.deviceToken}`, Accept: 'application/json' },
    maxRedirects: 0,
    // Statuses are handled below, not thrown by axios.
    validateStatus: (status) => status >= 200 && status < 300,
    // No responseType: both adapters read text and axios parses JSON silently, so a body that is
    // not JSON reaches the schema check (server_error) instead of failing inside the fetch adapter.
    transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
    ...(options.fetch
      ? { adapter: 'fetch', env: { fetch: withNodeErrorCodes(options.fetch) } }
      : {}),
  })

  const call: ServiceCall = async (config, policy, schema) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await http.request(config)
        if (!schema) return { ok: true, data: {} as never }
        const parsed = schema.safeParse(response.data)
        if (!parsed.success) return { ok: false, error: { code: 'server_error' } }
        return { ok: true, data: parsed.data as never }
      } catch (error) {
        if (attempt < retryDelays.length && shouldRetry(error, policy)) {
          await sleep(retryDelays[attempt] ?? 0)
          continue
        }
        return { ok: false, error: mapFailure(error) }
      }
    }
  }

  const session = (token: string) => ({ 'X-Session': token })
  const id = (value: string) => encodeURIComponent(value)

  return {
    health: () => call({ method: 'GET', url: '/v1/health' }, 'safe', api.Health),
    currentDevice: () => call({ method: 'GET', url: '/v1/devices/current' }, 'safe', undefined),
    register: (body: api.RegistrationRequest, idempotencyKey: string) =>
      call(
        {
          method: 'POST',
          url: '/v1/registrations',
          data: body,
          headers: { 'Idempotency-Key': idempotencyKey },
        },
        'safe',
        api.RegistrationAccepted,
      ),
    verifyRegistration: (registrationId: string, code: string) =>
      call(
        { method: 'POST', url: `/v1/registrations/${id(registrationId)}/verify`, data: { code } },
        'once',
        api.AccountActivated,
      ),
    resendRegistration: (registrationId: string) =>
      call(
        { method: 'POST', url: `/v1/registrations/${id(registrationId)}/resend`, data: {} },
        'once',
        api.ResendAccepted,
      ),
    resolveLink: (token: string) =>
      call({ method: 'GET', url: `/v1/links/${id(token)}` }, 'safe', api.LinkInfo),
    activate: (token: string) =>
      call(
        { method: 'POST', url: '/v1/activations', data: { token } },
        'once',
        api.AccountActivated,
      ),
    signIn: (email: string, password: string) =>
      call(
        { method: 'POST', url: '/v1/sessions', data: { email, password } },
        'once',
        api.SessionCreated,
      ),
    signOut: (sessionToken: string) =>
      call(
        { method: 'DELETE', url: '/v1/sessions/current', headers: session(sessionToken) },
        'safe',
        undefined,
      ),
    profile: (sessionToken: string) =>
      call({ method: 'GET', url: '/v1/me', headers: session(sessionToken) }, 'safe', api.Profile),
    documents: (sessionToken: string) =>
      call(
        { method: 'GET', url: '/v1/me/documents', headers: session(sessionToken) },
        'safe',
        api.DocumentList,
      ),
    requestRecovery: (email: string, locale: Locale) =>
      call(
        { method: 'POST', url: '/v1/recovery', data: { email, locale } },
        'once',
        api.RecoveryAccepted,
      ),
    verifyRecovery: (recoveryId: string, code: string) =>
      call(
        { method: 'POST', url: `/v1/recovery/${id(recoveryId)}/verify`, data: { code } },
        'once',
        api.RecoveryVerified,
      ),
    resendRecovery: (recoveryId: string) =>
      call(
        { method: 'POST', url: `/v1/recovery/${id(recoveryId)}/resend`, data: {} },
        'once',
        api.ResendAccepted,
      ),
    resetPassword: (resetToken: string, newPassword: string) =>
      call(
        { method: 'POST', url: '/v1/password-resets', data: { resetToken, newPassword } },
        'once',
        undefined,
      ),
    outbox: (to: string) =>
      call({ method: 'GET', url: '/dev/outbox', params: { to } }, 'safe', api.Outbox),
    heartbeat: (beat: Heartbeat) =>
      call({ method: 'POST', url: '/v1/devices/heartbeat', data: beat }, 'safe', undefined),
    ...counterCalls(call),
  }
}

export type AccountClient = ReturnType<typeof createAccountClient>
