import type { Selectable } from 'kysely'
import type { ServiceContext } from '../context'
import type { Schema } from '../db/schema'
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
export async function liveSession<Table extends 'sessions' | 'staff_sessions'>(
  ctx: ServiceContext,
  kind: {
    table: Table
    idleMs: number
    expiredCode: 'session_expired' | 'staff_session_expired'
  },
  token: unknown,
  deviceId: string,
): Promise<{
  session: Selectable<Schema[Table]> & BearerSessionRow
  tokenHash: string
  now: number
}> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200)
    throw apiError(401, kind.expiredCode)
  const tokenHash = sha256(token)
  const table = kind.table as 'sessions'
  const session = (await ctx.db
    .selectFrom(table)
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()) as (Selectable<Schema[Table]> & BearerSessionRow) | undefined
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
