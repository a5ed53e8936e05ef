import type { z } from 'zod'
import { CSRF_HEADER, UNATTENDED_HEADER } from '@shared/api/console/accounts'
import type { KioskError } from '@shared/errors'
import type { Result } from '@shared/result'

/**
 * The console's only way to its service: same-origin HTTP to `/v1/console/…`. The session is an
 * HttpOnly cookie the page never sees; every change carries the session's CSRF token, kept here
 * in memory only. Answers are checked against their schema from `shared/` and come back as a
 * Result, never as an exception.
 */
let csrfToken = ''
let onSessionEnded: () => void = () => undefined
let onActivity: () => void = () => undefined
let onStaleCsrfToken: () => Promise<boolean> = () => Promise.resolve(false)

export function setSessionHooks(hooks: {
  ended: () => void
  activity: () => void
  /** Asks the service for the session's current CSRF token; true when it was adopted. */
  staleCsrfToken: () => Promise<boolean>
}) {
  onSessionEnded = hooks.ended
  onActivity = hooks.activity
  onStaleCsrfToken = hooks.staleCsrfToken
}

export const setCsrfToken = (token: string) => {
  csrfToken = token
}

type Method = 'GET' | 'POST' | 'DELETE'

/** `quiet`: the page asks on its own, not the person; the service's idle clock stays put. */
async function call(method: Method, path: string, body?: unknown, quiet = false) {
  return fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { [CSRF_HEADER]: csrfToken } : {}),
      ...(quiet ? { [UNATTENDED_HEADER]: '1' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
}

/** The service refused the change for its CSRF token alone, before doing anything. */
async function refusedForCsrfToken(response: Response): Promise<boolean> {
  if (response.status !== 403) return false
  const answer = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { error?: KioskError } | undefined
  return answer?.error?.fields?.[CSRF_HEADER] === 'invalid'
}

/**
 * One request, sent again once if its CSRF token was stale. The cookie is shared by the browser's
 * tabs, the token is not: a password change in another tab renews the session, cookie and token,
 * and this tab's next change would be refused until a reload. The refusal comes before any effect,
 * so sending it again with the session's current token is safe.
 */
async function send(method: Method, path: string, body?: unknown, quiet = false) {
  const response = await call(method, path, body, quiet)
  if (method === 'GET' || !(await refusedForCsrfToken(response))) return response
  return (await onStaleCsrfToken()) ? call(method, path, body, quiet) : response
}

/** The service's error, with the HTTP status beside it (a 409 is "already exists"). */
async function failure(response: Response): Promise<KioskError & { status: number }> {
  const answer = (await response.json().catch(() => undefined)) as
    { error?: KioskError } | undefined
  return { ...(answer?.error ?? { code: 'server_error' }), status: response.status }
}

/** One request; a 401 means the session ended, and the app goes back to sign-in. */
export async function request<T extends z.ZodType>(
  method: Method,
  path: string,
  options: { body?: unknown; schema?: T; quiet?: boolean } = {},
): Promise<Result<z.infer<T>>> {
  let response: Response
  try {
    response = await send(method, path, options.body, options.quiet)
  } catch {
    return { ok: false, error: { code: 'service_unreachable' } }
  }
  if (!options.quiet) onActivity()
  if (response.status === 401 && !path.endsWith('/v1/console/session')) onSessionEnded()
  if (!response.ok) return { ok: false, error: await failure(response) }
  // A 204, or an answer nobody reads: no data (typed as the schema's, which callers test for).
  if (response.status === 204 || !options.schema) return { ok: true, data: undefined as z.infer<T> }
  const parsed = options.schema.safeParse(await response.json())
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, error: { code: 'server_error' } }
}

/** A CSV the service builds (the same numbers as the page), saved as a file. */
export async function download(
  method: Method,
  path: string,
  filename: string,
  body?: unknown,
): Promise<Result<undefined>> {
  let response: Response
  try {
    response = await send(method, path, body)
  } catch {
    return { ok: false, error: { code: 'service_unreachable' } }
  }
  onActivity()
  if (response.status === 401) onSessionEnded()
  if (!response.ok) return { ok: false, error: await failure(response) }
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { ok: true, data: undefined }
}
