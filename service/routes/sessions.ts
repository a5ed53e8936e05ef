import type { FastifyInstance, FastifyRequest } from 'fastify'
import { SessionRequest } from '@shared/api/schemas'
import { maskEmail } from '@shared/email'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { findAccount, findAccountByEmail, type AccountRow } from '../domain/accounts'
import { liveSession } from '../domain/bearer-sessions'
import { countActivity } from '../domain/activity'
import { pendingCredentials } from '../domain/credentials'
import { startStudentSession } from '../domain/student-sessions'
import {
  admitSignInAttempt,
  signInFailed,
  signInSucceeded,
  studentSignIns,
  whileAdmitted,
} from '../domain/sign-in-throttle'
import { apiError } from '../errors'
import { parseInput, requireDevice, send } from '../http'
import { limits } from '../limits'
import { verifyOrBurn } from '../security/passwords'

/**
 * The account behind `X-Session`; 15 min idle and 8 h absolute, revoked at sign-out, and only
 * from the device that signed in: a token copied to another kiosk is worth nothing there.
 */
export async function requireSession(
  ctx: ServiceContext,
  request: FastifyRequest,
): Promise<{ account: AccountRow; tokenHash: string }> {
  const deviceId = await requireDevice(ctx, request)
  const { session, tokenHash, now } = await liveSession(
    ctx,
    {
      table: 'sessions',
      owner: 'account_id',
      idleMs: limits.sessionIdleMs,
      expiredCode: 'session_expired',
    },
    request.headers['x-session'],
    deviceId,
  )
  const account = await findAccount(ctx, session.account_id)
  if (!account) throw apiError(401, 'session_expired')
  await ctx.db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute()
  return { account, tokenHash }
}

/** The hash a password is checked against: an active account's, or its pending registration's. */
async function storedPasswordHash(ctx: ServiceContext, account: AccountRow | undefined) {
  if (!account) return undefined
  if (account.status === 'active') return account.password_hash
  return (await pendingCredentials(ctx, account.id))?.passwordHash
}

export function sessionRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post('/v1/sessions', async (request, reply) => {
    const deviceId = await requireDevice(ctx, request)
    const { email, password } = parseInput(SessionRequest, request.body)
    await admitSignInAttempt(ctx, email)
    const { account, stored, right } = await whileAdmitted(ctx, email, studentSignIns, async () => {
      const account = await findAccountByEmail(ctx, email)
      const stored = await storedPasswordHash(ctx, account)
      // Unknown addresses spend the same hashing time and count attempts alike (no enumeration).
      return { account, stored, right: await verifyOrBurn(ctx.hasher, password, stored) }
    })
    if (!right || !account) return signInFailed(ctx, email)
    await signInSucceeded(ctx, email)
    if (account.status !== 'active') throw apiError(403, 'account_not_active')
    // The password was right for a hash that a reset has replaced since: it is not the password.
    const session = await startStudentSession(ctx, {
      accountId: account.id,
      verifiedHash: stored!,
      deviceId,
    })
    if (!session) throw apiError(401, 'invalid_credentials')
    await countActivity(ctx, deviceId, 'signIns')
    return send(reply, 200, { sessionToken: session.token, expiresAt: iso(session.expiresAt) })
  })

  app.delete('/v1/sessions/current', async (request, reply) => {
    const { tokenHash } = await requireSession(ctx, request)
    await ctx.db
      .updateTable('sessions')
      .set({ revoked_at: ctx.clock.now() })
      .where('token_hash', '=', tokenHash)
      .execute()
    return send(reply, 204)
  })

  app.get('/v1/me', async (request, reply) => {
    const { account } = await requireSession(ctx, request)
    return send(reply, 200, {
      firstName: account.first_name,
      lastName: account.last_name,
      maskedEmail: maskEmail(account.email),
      status: account.status,
      locale: account.locale,
      createdAt: iso(account.created_at),
    })
  })

  app.get('/v1/me/documents', async (request, reply) => {
    const { account } = await requireSession(ctx, request)
    const rows = await ctx.db
      .selectFrom('invitations')
      .select(['id', 'document_title', 'institution', 'document_issued_on'])
      .where('email', '=', account.email)
      .where('document_title', 'is not', null)
      .where('revoked_at', 'is', null)
      .orderBy('document_issued_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute()
    const documents = rows.map((row) => ({
      id: row.id,
      title: row.document_title!,
      issuer: row.institution,
      issuedOn: row.document_issued_on!,
    }))
    return send(reply, 200, { documents })
  })
}
