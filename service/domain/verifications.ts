import type { Selectable } from 'kysely'
import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import type { VerificationsTable } from '../db/schema'
import { preparedQuery } from '../db/prepared-query'
import { inTransaction, lockAddresses } from '../db/transactions'
import { apiError, type ApiError } from '../errors'
import { limits } from '../limits'
import { hashCode, newId, sameHash } from '../security/secrets'

export type VerificationPurpose = 'registration' | 'recovery'
/** What a correct code does: activate the account, allow a password reset, or nothing (decoy). */
export type VerificationEffect = 'activate' | 'reset' | 'none'

/**
 * One row per registration or recovery, real or decoy. `completed_at` is set when the code was
 * used or when the verification was replaced by a newer one: either way it has ended.
 * `registration_id`, for `activate`: the registration whose credentials a right code activates.
 */
export type VerificationRow = Omit<Selectable<VerificationsTable>, 'created_at'>

/** Named, never `*`: a prepared statement's columns then survive a migration adding one. */
export const VERIFICATION_COLUMNS = [
  'id',
  'purpose',
  'effect',
  'email',
  'account_id',
  'registration_id',
  'locale',
  'code_hash',
  'code_expires_at',
  'attempts_left',
  'last_sent_at',
  'completed_at',
] as const

export interface NewVerification {
  id?: string
  purpose: VerificationPurpose
  effect: VerificationEffect
  email: string
  accountId: string | null
  registrationId?: string
  locale: Locale
  /**
   * False when the code cannot be mailed (the address reached its hourly cap): the code is born
   * expired, so a caller who cannot read the mail gets no guesses; a resend under the cap mails
   * a working one.
   */
  mailed: boolean
}

export async function createVerification(
  ctx: ServiceContext,
  input: NewVerification,
): Promise<{ id: string; code: string }> {
  const now = ctx.clock.now()
  const id = input.id ?? newId()
  const code = ctx.newCode()
  await ctx.db
    .insertInto('verifications')
    .values({
      id,
      purpose: input.purpose,
      effect: input.effect,
      email: input.email,
      account_id: input.accountId,
      registration_id: input.registrationId ?? null,
      locale: input.locale,
      code_hash: hashCode(ctx.serviceKey, id, code),
      code_expires_at: input.mailed ? now + limits.codeLifetimeMs : now,
      attempts_left: limits.codeAttempts,
      last_sent_at: input.mailed ? now : 0,
      created_at: now,
    })
    .execute()
  return { id, code }
}

/** Ends the open verifications of an address for one purpose: a new code kills the old. */
export async function endVerifications(
  ctx: ServiceContext,
  email: string,
  purpose: VerificationPurpose,
): Promise<void> {
  await ctx.db
    .updateTable('verifications')
    .set({ completed_at: ctx.clock.now() })
    .where('email', '=', email)
    .where('purpose', '=', purpose)
    .where('completed_at', 'is', null)
    .execute()
}

/** Every code check and resend asks it first: compiled once (service/db/prepared-query.ts). */
const verificationById = preparedQuery((db, params: { id: string; purpose: VerificationPurpose }) =>
  db
    .selectFrom('verifications')
    .select(VERIFICATION_COLUMNS)
    .where('id', '=', params.id)
    .where('purpose', '=', params.purpose),
)

export async function findVerification(
  ctx: ServiceContext,
  id: string,
  purpose: VerificationPurpose,
): Promise<VerificationRow> {
  const [row] = await verificationById(ctx.db, { id, purpose })
  if (!row) throw apiError(404, 'not_found')
  return row
}

/** Seconds until another code may be sent for this verification (0 = now). */
export function cooldownLeft(
  ctx: ServiceContext,
  row: Pick<VerificationRow, 'last_sent_at'>,
): number {
  return Math.max(
    0,
    Math.ceil((row.last_sent_at + limits.resendCooldownMs - ctx.clock.now()) / 1000),
  )
}

/** Why a code cannot be checked any more, read fresh from the database. */
async function endedReason(ctx: ServiceContext, id: string): Promise<ApiError> {
  const row = await ctx.db
    .selectFrom('verifications')
    .select(['completed_at', 'attempts_left'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (row && row.completed_at === null && row.attempts_left <= 0)
    return apiError(429, 'too_many_attempts')
  return apiError(410, 'code_expired')
}

/**
 * Checks a code. Each step is one conditional statement, so the limits hold however many
 * requests overlap, on any number of instances: a wrong code takes one attempt
 * (`attempts_left - 1` where some are left; the fifth kills the code), a right code ends the
 * verification (where it is still open), and only the request that did so runs `onRight`, in
 * the same transaction, which holds the address's lock (what it activates concerns the address).
 */
export async function checkCode<T>(
  ctx: ServiceContext,
  row: VerificationRow,
  code: string,
  onRight: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now()
  if (row.effect !== 'none' && sameHash(hashCode(ctx.serviceKey, row.id, code), row.code_hash)) {
    return inTransaction(ctx, async (tx) => {
      await lockAddresses(tx, row.email)
      const claimed = await tx.db
        .updateTable('verifications')
        .set({ completed_at: now })
        .where('id', '=', row.id)
        .where('completed_at', 'is', null)
        .where('attempts_left', '>', 0)
        .where('code_expires_at', '>', now)
        .executeTakeFirst()
      if (claimed.numUpdatedRows !== 1n) throw await endedReason(tx, row.id)
      return onRight(tx)
    })
  }
  const spent = await ctx.db
    .updateTable('verifications')
    .set((eb) => ({ attempts_left: eb('attempts_left', '-', 1) }))
    .where('id', '=', row.id)
    .where('completed_at', 'is', null)
    .where('attempts_left', '>', 0)
    .where('code_expires_at', '>', now)
    .returning('attempts_left')
    .executeTakeFirst()
  if (!spent) throw await endedReason(ctx, row.id)
  if (spent.attempts_left === 0) throw apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
  throw apiError(422, 'invalid_code', { attemptsLeft: spent.attempts_left })
}

/**
 * Replaces the code of a verification (the old one dies) and mails it through `send`, in one
 * transaction holding the address's lock; enforces the cooldown and the per-address hourly cap.
 * The renewal is one conditional statement, so parallel resends give exactly one new code.
 */
export async function renewCode(
  ctx: ServiceContext,
  row: VerificationRow,
  send: (tx: ServiceContext, code: string) => Promise<void>,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await lockAddresses(tx, row.email)
    const fresh = await findVerification(tx, row.id, row.purpose)
    if (fresh.completed_at !== null) throw apiError(410, 'code_expired')
    const wait = cooldownLeft(tx, fresh)
    if (wait > 0) throw apiError(429, 'rate_limited', { retryAfterSeconds: wait })
    if (!(await tx.mailer.underHourlyCap(row.email))) {
      throw apiError(429, 'rate_limited', {
        retryAfterSeconds: Math.ceil(limits.mailWindowMs / 1000),
      })
    }
    const now = tx.clock.now()
    const code = tx.newCode()
    const renewed = await tx.db
      .updateTable('verifications')
      .set({
        code_hash: hashCode(tx.serviceKey, row.id, code),
        code_expires_at: now + limits.codeLifetimeMs,
        attempts_left: limits.codeAttempts,
        last_sent_at: now,
      })
      .where('id', '=', row.id)
      .where('completed_at', 'is', null)
      .where('last_sent_at', '<=', now - limits.resendCooldownMs)
      .executeTakeFirst()
    if (renewed.numUpdatedRows !== 1n) throw apiError(429, 'rate_limited', { retryAfterSeconds: 1 })
    await send(tx, code)
  })
}

/** True while an address has a code that can still activate something (it holds the address). */
export async function hasLiveActivationCode(ctx: ServiceContext, email: string): Promise<boolean> {
  const live = await ctx.db
    .selectFrom('verifications')
    .select('id')
    .where('email', '=', email)
    .where('effect', '=', 'activate')
    .where('completed_at', 'is', null)
    .where('attempts_left', '>', 0)
    .where('code_expires_at', '>', ctx.clock.now())
    .limit(1)
    .executeTakeFirst()
  return live !== undefined
}
