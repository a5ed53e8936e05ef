import { sql } from 'kysely'
import type { Clock } from '../clock'
import { preparedQuery } from '../db/prepared-query'
import type { Db } from '../db/store'
import type { RateLimiter } from '../security/rate-limit'

/**
 * The per-device quota when several instances serve one PostgreSQL: the same fixed window as the
 * in-memory limiter, counted in `request_windows` (UNLOGGED: no WAL flush per request, and a crash
 * only forgets the current window). One upsert per request: PostgreSQL locks the key's row and
 * re-reads it, so requests reaching different instances at once are counted exactly.
 */
/** One upsert per request: compiled once (service/db/prepared-query.ts). */
const countRequest = preparedQuery(
  (db, params: { key: string; now: number; endedBefore: number }) => {
    const windows = sql.table('request_windows')
    const ended = sql<boolean>`${windows}.window_start <= ${params.endedBefore}`
    return db
      .insertInto('request_windows')
      .values({ key: params.key, window_start: params.now, count: 1 })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          window_start: sql`CASE WHEN ${ended} THEN ${params.now} ELSE ${windows}.window_start END`,
          count: sql`CASE WHEN ${ended} THEN 1 ELSE ${windows}.count + 1 END`,
        }),
      )
      .returning(['window_start', 'count'])
  },
)

export function createSharedRateLimiter(
  db: Db,
  clock: Clock,
  maxPerWindow: number,
  windowMs: number,
): RateLimiter {
  return {
    async take(key) {
      const now = clock.now()
      const [window] = await countRequest(db, { key, now, endedBefore: now - windowMs })
      if (window!.count <= maxPerWindow) return 0
      return Math.ceil((window!.window_start + windowMs - now) / 1000)
    },
  }
}

/** Forgets windows that have ended (the retention job). */
export async function forgetEndedWindows(db: Db, now: number, windowMs: number): Promise<number> {
  const forgotten = await db
    .deleteFrom('request_windows')
    .where('window_start', '<=', now - windowMs)
    .executeTakeFirst()
  return Number(forgotten.numDeletedRows)
}
