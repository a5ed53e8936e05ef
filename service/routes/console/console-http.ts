import type { FastifyReply, FastifyRequest } from 'fastify'
import { CSRF_HEADER, UNATTENDED_HEADER } from '@shared/api/console/accounts'
import type { ConsolePermission } from '@shared/api/console/roles'
import type { ServiceContext } from '../../context'
import {
  csrfTokenMatches,
  readConsoleSession,
  requirePermission,
  touchConsoleSession,
  type ConsoleCaller,
} from '../../domain/console-sessions'
import { apiError } from '../../errors'

/**
 * The console's session cookie (docs/console.md): HttpOnly (no script reads it), SameSite=Strict
 * (another site's page never sends it), Secure and `__Secure-` prefixed when the request came over
 * TLS (directly or, with `trustProxy`, through the institution's reverse proxy), sent only to the
 * console's API path, and a session cookie: closing the browser forgets it.
 */
const COOKIE_PATH = '/v1/console'
const cookieName = (secure: boolean) =>
  secure ? '__Secure-mescertif-console' : 'mescertif-console'
const overTls = (request: FastifyRequest) => request.protocol === 'https'

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = overTls(request)
  reply.setCookie(cookieName(secure), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: COOKIE_PATH,
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = overTls(request)
  reply.clearCookie(cookieName(secure), {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: COOKIE_PATH,
  })
}

export const sessionToken = (request: FastifyRequest): string | undefined =>
  request.cookies[cookieName(overTls(request))]

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const isChange = (request: FastifyRequest) => !SAFE_METHODS.has(request.method)

/**
 * A change must come from the console's own pages: when the browser names the page's origin
 * (`Origin`, or `Sec-Fetch-Site`), it must be this service's. Checked for every change, sign-in
 * and enrolment included (which have no session, so no CSRF token yet).
 */
export function requireSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`)
    throw apiError(403, 'forbidden', { fields: { origin: 'invalid' } })
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw apiError(403, 'forbidden', { fields: { 'sec-fetch-site': 'invalid' } })
}

/**
 * The signed-in person behind a console request, allowed to use `permission`. Every change also
 * carries the session's CSRF token in `X-CSRF-Token` (403 without it). A request the person made
 * moves the session's idle clock (`touch`; the live fleet's stream passes false); a read the page
 * made on its own says so (`X-Console-Unattended: 1`) and does not.
 */
export async function consoleCaller(
  ctx: ServiceContext,
  request: FastifyRequest,
  permission: ConsolePermission | undefined,
  touch = true,
): Promise<ConsoleCaller> {
  if (isChange(request)) requireSameOrigin(request)
  const caller = await readConsoleSession(ctx, sessionToken(request))
  if (isChange(request) && !csrfTokenMatches(ctx, caller.tokenHash, request.headers[CSRF_HEADER]))
    throw apiError(403, 'forbidden', { fields: { [CSRF_HEADER]: 'invalid' } })
  if (permission) requirePermission(caller, permission)
  const unattended = !isChange(request) && request.headers[UNATTENDED_HEADER] === '1'
  if (touch && !unattended) await touchConsoleSession(ctx, caller.tokenHash)
  return caller
}
