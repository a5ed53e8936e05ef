import { sql, type QueryCreator } from 'kysely'
import type { Clock } from '../clock'
import { preparedQuery } from '../db/prepared-query'
import type { Schema } from '../db/schema'
import type { Db } from '../db/store'
import type { RateLimiter } from '../security/rate-limit'
import type { DeviceRow } from './devices'

/**
 * The per-device quota when several instances serve one PostgreSQL: the same fixed window as the
 * in-memory limiter, counted in `request_windows` (UNLOGGED: no WAL flush per request, and a crash
 * only forgets the current window). One upsert per request: PostgreSQL locks the key's row and
 * re-reads it, so requests reaching different instances at once are counted exactly.
 */

/** One request counted: the token's hash, now, and when a window that started then has ended. */
type CountParams = {
  key: string
  now: number
  endedBefore: number
}

const countRequestIn = (db: QueryCreator<Schema>, params: CountParams) => {
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
}

/** One upsert per request: compiled once (service/db/prepared-query.ts). */
const countRequest = preparedQuery(countRequestIn)

/**
 * The same upsert, and the enabled device the token names, in one statement: the quota's key is
 * the token's hash, which is how devices are stored. A kiosk's call then makes one round trip to
 * the database fewer (requireDevice reads what this found).
 */
const countRequestAndFindDevice = preparedQuery((db, params: CountParams) =>
  db
    .with('w', (w) => countRequestIn(w, params))
    .selectFrom('w')
    .leftJoin('devices as d', (join) =>
      join.on('d.token_hash', '=', params.key).on('d.disabled', '=', 0),
    )
    .select([
      'w.window_start',
      'w.count',
      'd.id',
      'd.name',
      'd.counter',
      'd.disabled',
      'd.role_version',
    ]),
)

/** What the shared quota answers for a device token: the wait, and the enabled device, if any. */
export interface DeviceQuota extends RateLimiter {
  takeForDevice(tokenHash: string): Promise<{ retryAfterSeconds: number; device: DeviceRow | null }>
}

export function createSharedRateLimiter(
  db: Db,
  clock: Clock,
  maxPerWindow: number,
  windowMs: number,
): DeviceQuota {
  const wait = (window: { window_start: number; count: number }, now: number) =>
    window.count <= maxPerWindow ? 0 : Math.ceil((window.window_start + windowMs - now) / 1000)
  return {
    async take(key) {
      const now = clock.now()
      const [window] = await countRequest(db, { key, now, endedBefore: now - windowMs })
      return wait(window!, now)
    },
    async takeForDevice(tokenHash) {
      const now = clock.now()
      const [row] = await countRequestAndFindDevice(db, {
        key: tokenHash,
        now,
        endedBefore: now - windowMs,
      })
      const { window_start, count, id, name, counter, disabled, role_version } = row!
      return {
        retryAfterSeconds: wait({ window_start, count }, now),
        device:
          id === null
            ? null
            : {
                id,
                name: name!,
                counter: counter!,
                disabled: disabled!,
                role_version: role_version!,
              },
      }
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
