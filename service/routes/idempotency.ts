import { createHmac } from 'node:crypto'
import { sql, type Selectable } from 'kysely'
import type { ServiceContext } from '../context'
import type { IdempotencyKeysTable } from '../db/schema'
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

type KeyRow = Omit<Selectable<IdempotencyKeysTable>, 'device_id' | 'key'>

/** Keeps the answer, in the transaction `tx` of the request's effect. */
type Remember = (tx: ServiceContext, answer: Stored, secretHash: string) => Promise<void>

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
  run: (remember: Remember) => Promise<Stored>,
): Promise<Stored> {
  if (rawKey === undefined) return run(async () => {})
  if (typeof rawKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(rawKey)) {
    throw apiError(400, 'validation_failed', { fields: { 'Idempotency-Key': 'invalid' } })
  }
  const requestHash = createHmac('sha256', ctx.serviceKey)
    .update(JSON.stringify(request.fields))
    .digest('hex')
  const now = ctx.clock.now()
  const replay = await claimKey(ctx, deviceId, rawKey, requestHash, now)
  if (replay) {
    const { secret_hash: secretHash, status, body } = replay
    if (!secretHash || !(await ctx.hasher.verify(request.secret, secretHash)))
      throw apiError(422, 'idempotency_conflict')
    return { status: status!, body: JSON.parse(body!) as unknown }
  }

  // `remember` runs inside the caller's transaction: the answer is kept exactly when its effect is.
  const remember: Remember = async (tx, answer, secretHash) => {
    await tx.db
      .updateTable('idempotency_keys')
      .set({
        state: 'done',
        status: answer.status,
        body: JSON.stringify(answer.body),
        secret_hash: secretHash,
      })
      .where('device_id', '=', deviceId)
      .where('key', '=', rawKey)
      .where('created_at', '=', now)
      .execute()
  }
  try {
    return await run(remember)
  } catch (error) {
    await ctx.db
      .deleteFrom('idempotency_keys')
      .where('device_id', '=', deviceId)
      .where('key', '=', rawKey)
      .where('state', '=', 'in_flight')
      .where('created_at', '=', now)
      .execute()
    throw error
  }
}

/**
 * Claims a key in one conditional statement: a new key is inserted; an existing one is taken
 * over only if its answer is past retention, or if it was left in flight by a crash with the same
 * request. Of overlapping first requests exactly one claims it (the key is the primary key, and
 * PostgreSQL re-checks the takeover condition on the latest row). Otherwise the row that stands
 * answers: the stored answer to replay, or 409/422.
 */
async function claimKey(
  ctx: ServiceContext,
  deviceId: string,
  key: string,
  requestHash: string,
  now: number,
): Promise<KeyRow | undefined> {
  const keys = sql.table('idempotency_keys')
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimed = await ctx.db
      .insertInto('idempotency_keys')
      .values({
        device_id: deviceId,
        key,
        request_hash: requestHash,
        state: 'in_flight',
        created_at: now,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['device_id', 'key'])
          .doUpdateSet({
            request_hash: requestHash,
            secret_hash: null,
            state: 'in_flight',
            status: null,
            body: null,
            created_at: now,
          })
          .where(
            sql<boolean>`${keys}.created_at <= ${now - limits.idempotencyRetentionMs}
              OR (${keys}.state = 'in_flight' AND ${keys}.created_at <= ${now - ABANDONED_AFTER_MS}
                AND ${keys}.request_hash = ${requestHash})`,
          ),
      )
      .executeTakeFirst()
    if (claimed.numInsertedOrUpdatedRows === 1n) return undefined
    const row = await ctx.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'secret_hash', 'state', 'status', 'body', 'created_at'])
      .where('device_id', '=', deviceId)
      .where('key', '=', key)
      .executeTakeFirst()
    // The first request failed and let go of its key meanwhile: claim it again.
    if (!row) continue
    if (row.request_hash !== requestHash) throw apiError(422, 'idempotency_conflict')
    if (row.state === 'done') return row
    throw apiError(409, 'idempotency_in_flight')
  }
  throw apiError(409, 'idempotency_in_flight')
}
