import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { apiError, type ApiError } from '../errors'
import { limits } from '../limits'
import { hashCode, newId, sameHash } from '../security/secrets'

export type VerificationPurpose = 'registration' | 'recovery'
/** What a correct code does: activate the account, allow a password reset, or nothing (decoy). */
export type VerificationEffect = 'activate' | 'reset' | 'none'

/**
 * One row per registration or recovery, real or decoy. `completed_at` is set when the code was
 * used or when the verification was replaced by a newer one: either way it has ended.
 */
export interface VerificationRow {
  id: string
  purpose: VerificationPurpose
  effect: VerificationEffect
  email: string
  account_id: string | null
  /** For `activate`: the registration whose credentials a right code activates. */
  registration_id: string | null
  locale: Locale
  code_hash: string
  code_expires_at: number
  attempts_left: number
  last_sent_at: number
  completed_at: number | null
}

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

export function createVerification(
  ctx: ServiceContext,
  input: NewVerification,
): { id: string; code: string } {
  const now = ctx.clock.now()
  const id = input.id ?? newId()
  const code = ctx.newCode()
  ctx.db
    .prepare(
      `INSERT INTO verifications (id, purpose, effect, email, account_id, registration_id, locale,
         code_hash, code_expires_at, attempts_left, last_sent_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.purpose,
      input.effect,
      input.email,
      input.accountId,
      input.registrationId ?? null,
      input.locale,
      hashCode(ctx.serviceKey, id, code),
      input.mailed ? now + limits.codeLifetimeMs : now,
      limits.codeAttempts,
      input.mailed ? now : 0,
      now,
    )
  return { id, code }
}

/** Ends the open verifications of an address for one purpose: a new code kills the old. */
export function endVerifications(ctx: ServiceContext, email: string, purpose: VerificationPurpose) {
  ctx.db
    .prepare(
      'UPDATE verifications SET completed_at = ? WHERE email = ? AND purpose = ? AND completed_at IS NULL',
    )
    .run(ctx.clock.now(), email, purpose)
}

export function findVerification(
  ctx: ServiceContext,
  id: string,
  purpose: VerificationPurpose,
): VerificationRow {
  const row = ctx.db
    .prepare('SELECT * FROM verifications WHERE id = ? AND purpose = ?')
    .get(id, purpose) as VerificationRow | undefined
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
function endedReason(ctx: ServiceContext, id: string): ApiError {
  const row = ctx.db
    .prepare('SELECT completed_at, attempts_left FROM verifications WHERE id = ?')
    .get(id) as Pick<VerificationRow, 'completed_at' | 'attempts_left'> | undefined
  if (row && row.completed_at === null && row.attempts_left <= 0)
    return apiError(429, 'too_many_attempts')
  return apiError(410, 'code_expired')
}

/**
 * Checks a code. Each step is one conditional statement, so the limits hold however many
 * requests overlap, even from several service processes on one database file: a wrong code
 * takes one attempt (`attempts_left - 1` where some are left; the fifth kills the code), a right
 * code ends the verification (where it is still open), and only the request that did so runs
 * `onRight`, in the same transaction.
 */
export function checkCode<T>(
  ctx: ServiceContext,
  row: VerificationRow,
  code: string,
  onRight: () => T,
): T {
  const now = ctx.clock.now()
  if (row.effect !== 'none' && sameHash(hashCode(ctx.serviceKey, row.id, code), row.code_hash)) {
    return ctx.db.transaction(() => {
      const claimed = ctx.db
        .prepare(
          `UPDATE verifications SET completed_at = ?
           WHERE id = ? AND completed_at IS NULL AND attempts_left > 0 AND code_expires_at > ?`,
        )
        .run(now, row.id, now)
      if (claimed.changes !== 1) throw endedReason(ctx, row.id)
      return onRight()
    })()
  }
  const spent = ctx.db
    .prepare(
      `UPDATE verifications SET attempts_left = attempts_left - 1
       WHERE id = ? AND completed_at IS NULL AND attempts_left > 0 AND code_expires_at > ?
       RETURNING attempts_left`,
    )
    .get(row.id, now) as { attempts_left: number } | undefined
  if (!spent) throw endedReason(ctx, row.id)
  if (spent.attempts_left === 0) throw apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
  throw apiError(422, 'invalid_code', { attemptsLeft: spent.attempts_left })
}

/**
 * Replaces the code of a verification (the old one dies) and mails it through `send`, in one
 * transaction; enforces the cooldown and the per-address hourly cap. The renewal is one
 * conditional statement, so parallel resends give exactly one new code.
 */
export function renewCode(
  ctx: ServiceContext,
  row: VerificationRow,
  send: (code: string) => void,
): void {
  ctx.db.transaction(() => {
    const fresh = findVerification(ctx, row.id, row.purpose)
    if (fresh.completed_at !== null) throw apiError(410, 'code_expired')
    const wait = cooldownLeft(ctx, fresh)
    if (wait > 0) throw apiError(429, 'rate_limited', { retryAfterSeconds: wait })
    if (!ctx.mailer.underHourlyCap(row.email)) {
      throw apiError(429, 'rate_limited', {
        retryAfterSeconds: Math.ceil(limits.mailWindowMs / 1000),
      })
    }
    const now = ctx.clock.now()
    const code = ctx.newCode()
    const renewed = ctx.db
      .prepare(
        `UPDATE verifications SET code_hash = ?, code_expires_at = ?, attempts_left = ?, last_sent_at = ?
         WHERE id = ? AND completed_at IS NULL AND last_sent_at <= ?`,
      )
      .run(
        hashCode(ctx.serviceKey, row.id, code),
        now + limits.codeLifetimeMs,
        limits.codeAttempts,
        now,
        row.id,
        now - limits.resendCooldownMs,
      )
    if (renewed.changes !== 1) throw apiError(429, 'rate_limited', { retryAfterSeconds: 1 })
    send(code)
  })()
}

/** True while an address has a code that can still activate something (it holds the address). */
export function hasLiveActivationCode(ctx: ServiceContext, email: string): boolean {
  return (
    ctx.db
      .prepare(
        `SELECT 1 FROM verifications WHERE email = ? AND effect = 'activate' AND completed_at IS NULL
         AND attempts_left > 0 AND code_expires_at > ? LIMIT 1`,
      )
      .get(email, ctx.clock.now()) !== undefined
  )
}
