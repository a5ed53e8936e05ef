import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { sha256 } from '../security/secrets'

interface Stored {
  status: number
  body: unknown
}

/** A key left "in flight" by a crash is taken over after this long. */
const ABANDONED_AFTER_MS = 60_000

/**
 * `Idempotency-Key` (IETF httpapi draft): the same key and body → the first answer again; the same
 * key with another body → 422; a key whose first request is still running → 409. Only successful
 * answers are kept: a failed request may be retried with the same key.
 */
export async function withIdempotency(
  ctx: ServiceContext,
  deviceId: string,
  rawKey: string | string[] | undefined,
  body: unknown,
  run: (remember: (answer: Stored) => void) => Promise<Stored>,
): Promise<Stored> {
  if (rawKey === undefined) return run(() => {})
  if (typeof rawKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(rawKey)) {
    throw apiError(400, 'validation_failed', { fields: { 'Idempotency-Key': 'invalid' } })
  }
  const requestHash = sha256(JSON.stringify(body))
  const now = ctx.clock.now()
  const claim = ctx.db.transaction(() => {
    const row = ctx.db
      .prepare(
        'SELECT request_hash, state, status, body, created_at FROM idempotency_keys WHERE device_id = ? AND key = ?',
      )
      .get(deviceId, rawKey) as
      | { request_hash: string; state: string; status: number; body: string; created_at: number }
      | undefined
    if (row && row.request_hash !== requestHash) throw apiError(422, 'idempotency_conflict')
    if (row?.state === 'done')
      return { replay: { status: row.status, body: JSON.parse(row.body) as unknown } }
    if (row && now - row.created_at < ABANDONED_AFTER_MS)
      throw apiError(409, 'idempotency_in_flight')
    ctx.db
      .prepare(
        `INSERT INTO idempotency_keys (device_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'in_flight', ?)
         ON CONFLICT (device_id, key) DO UPDATE SET state = 'in_flight', created_at = excluded.created_at`,
      )
      .run(deviceId, rawKey, requestHash, now)
    return { replay: undefined }
  })()
  if (claim.replay) return claim.replay

  // `remember` runs inside the caller's transaction: the answer is kept exactly when its effect is.
  const remember = (answer: Stored) =>
    ctx.db
      .prepare(
        "UPDATE idempotency_keys SET state = 'done', status = ?, body = ? WHERE device_id = ? AND key = ?",
      )
      .run(answer.status, JSON.stringify(answer.body), deviceId, rawKey)
  try {
    return await run(remember)
  } catch (error) {
    ctx.db
      .prepare('DELETE FROM idempotency_keys WHERE device_id = ? AND key = ?')
      .run(deviceId, rawKey)
    throw error
  }
}
