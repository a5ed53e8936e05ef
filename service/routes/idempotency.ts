import { createHmac } from 'node:crypto'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'

interface Stored {
  status: number
  body: unknown
}

/** What identifies a request: its fields, and the one secret it carries, kept apart. */
export interface IdempotentRequest {
  /** Every field but the secret. */
  fields: unknown
  /** Never fingerprinted: compared, on a replay, with the slow hash the first request stored. */
  secret: string
}

interface KeyRow {
  request_hash: string
  secret_hash: string | null
  state: string
  status: number
  body: string
  created_at: number
}

/** A key left "in flight" by a crash is taken over after this long. */
const ABANDONED_AFTER_MS = 60_000

/**
 * `Idempotency-Key` (IETF httpapi draft): the same key and body → the first answer again; the same
 * key with another body → 422; a key whose first request is still running → 409. Only successful
 * answers are kept, for `limits.idempotencyRetentionMs`; a failed request may be retried with the
 * same key.
 *
 * The fingerprint is a MAC, under the service key, of the fields without the secret: a copy of the
 * database holds no fast function of a password (docs/security.md, point 3). Whether a replay
 * carries the same password is asked of the password's own scrypt hash, stored by `remember`.
 */
export async function withIdempotency(
  ctx: ServiceContext,
  deviceId: string,
  rawKey: string | string[] | undefined,
  request: IdempotentRequest,
  run: (remember: (answer: Stored, secretHash: string) => void) => Promise<Stored>,
): Promise<Stored> {
  if (rawKey === undefined) return run(() => {})
  if (typeof rawKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(rawKey)) {
    throw apiError(400, 'validation_failed', { fields: { 'Idempotency-Key': 'invalid' } })
  }
  const requestHash = createHmac('sha256', ctx.serviceKey)
    .update(JSON.stringify(request.fields))
    .digest('hex')
  const now = ctx.clock.now()
  const claim = ctx.db.transaction(() => {
    const found = ctx.db
      .prepare(
        'SELECT request_hash, secret_hash, state, status, body, created_at FROM idempotency_keys WHERE device_id = ? AND key = ?',
      )
      .get(deviceId, rawKey) as KeyRow | undefined
    // A stored answer past its retention is gone, even before the retention job deletes it.
    const row = found && now - found.created_at < limits.idempotencyRetentionMs ? found : undefined
    if (row && row.request_hash !== requestHash) throw apiError(422, 'idempotency_conflict')
    if (row?.state === 'done') return { replay: row }
    if (row && now - row.created_at < ABANDONED_AFTER_MS)
      throw apiError(409, 'idempotency_in_flight')
    ctx.db
      .prepare(
        `INSERT INTO idempotency_keys (device_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'in_flight', ?)
         ON CONFLICT (device_id, key) DO UPDATE SET request_hash = excluded.request_hash,
           secret_hash = NULL, state = 'in_flight', status = NULL, body = NULL, created_at = excluded.created_at`,
      )
      .run(deviceId, rawKey, requestHash, now)
    return { replay: undefined }
  })()
  if (claim.replay) {
    const { secret_hash: secretHash, status, body } = claim.replay
    if (!secretHash || !(await ctx.hasher.verify(request.secret, secretHash)))
      throw apiError(422, 'idempotency_conflict')
    return { status, body: JSON.parse(body) as unknown }
  }

  // `remember` runs inside the caller's transaction: the answer is kept exactly when its effect is.
  const remember = (answer: Stored, secretHash: string) =>
    ctx.db
      .prepare(
        "UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, secret_hash = ? WHERE device_id = ? AND key = ?",
      )
      .run(answer.status, JSON.stringify(answer.body), secretHash, deviceId, rawKey)
  try {
    return await run(remember)
  } catch (error) {
    ctx.db
      .prepare('DELETE FROM idempotency_keys WHERE device_id = ? AND key = ?')
      .run(deviceId, rawKey)
    throw error
  }
}
