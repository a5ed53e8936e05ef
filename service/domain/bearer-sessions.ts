import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { sha256 } from '../security/secrets'

/** What a student's and a staff member's session rows share. */
export interface BearerSessionRow {
  token_hash: string
  device_id: string
  last_seen_at: number
  expires_at: number
  revoked_at: number | null
}

/**
 * The live session a header token names, or a 401 with `expiredCode`: it must exist, belong to the
 * device asking (a token copied to another kiosk is worth nothing there), not be revoked, and be
 * within both its absolute and its idle lifetime. Students' and staff sessions use the same rule.
 */
export async function liveSession<Owner extends 'account_id' | 'staff_id'>(
  ctx: ServiceContext,
  kind: {
    table: 'sessions' | 'staff_sessions'
    /** The column naming whose session it is. */
    owner: Owner
    idleMs: number
    expiredCode: 'session_expired' | 'staff_session_expired'
  },
  token: unknown,
  deviceId: string,
): Promise<{ session: BearerSessionRow & Record<Owner, string>; tokenHash: string; now: number }> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200)
    throw apiError(401, kind.expiredCode)
  const tokenHash = sha256(token)
  const session = (await ctx.db
    .selectFrom(kind.table as 'sessions')
    .select([
      'token_hash',
      'device_id',
      'last_seen_at',
      'expires_at',
      'revoked_at',
      kind.owner as 'account_id',
    ])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()) as (BearerSessionRow & Record<Owner, string>) | undefined
  const now = ctx.clock.now()
  if (
    !session ||
    session.device_id !== deviceId ||
    session.revoked_at !== null ||
    session.expires_at <= now ||
    session.last_seen_at + kind.idleMs <= now
  )
    throw apiError(401, kind.expiredCode)
  return { session, tokenHash, now }
}
