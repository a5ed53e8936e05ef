import type { Locale } from '../../shared/locales'
import type { ServiceContext } from '../context'
import { apiError } from '../errors'
import { limits } from '../limits'
import { hashCode, newCode, newId } from '../security/secrets'

export type VerificationPurpose = 'registration' | 'recovery'
/** What a correct code does: activate the account, allow a password reset, or nothing (decoy). */
export type VerificationEffect = 'activate' | 'reset' | 'none'

export interface VerificationRow {
  id: string
  purpose: VerificationPurpose
  effect: VerificationEffect
  email: string
  account_id: string | null
  locale: Locale
  code_hash: string
  code_expires_at: number
  attempts_left: number
  last_sent_at: number
  completed_at: number | null
}

/** Creates a verification with a fresh code; older codes for the same address and purpose die. */
export function createVerification(
  ctx: ServiceContext,
  purpose: VerificationPurpose,
  effect: VerificationEffect,
  email: string,
  accountId: string | null,
  locale: Locale,
): { id: string; code: string } {
  const now = ctx.clock.now()
  ctx.db
    .prepare(
      'UPDATE verifications SET attempts_left = 0 WHERE email = ? AND purpose = ? AND completed_at IS NULL',
    )
    .run(email, purpose)
  const id = newId()
  const code = newCode()
  ctx.db
    .prepare(
      `INSERT INTO verifications (id, purpose, effect, email, account_id, locale, code_hash, code_expires_at,
         attempts_left, last_sent_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      purpose,
      effect,
      email,
      accountId,
      locale,
      hashCode(id, code),
      now + limits.codeLifetimeMs,
      limits.codeAttempts,
      now,
      now,
    )
  return { id, code }
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

/**
 * Checks a code. Wrong codes use up attempts (the fifth kills the code) and throw a typed error;
 * the attempt is written before the throw, so it must not run inside a transaction. A right code
 * returns; the caller then completes the verification together with its effect.
 */
export function consumeCode(ctx: ServiceContext, row: VerificationRow, code: string): void {
  if (row.completed_at !== null) throw apiError(410, 'code_expired')
  if (row.attempts_left <= 0) throw apiError(429, 'too_many_attempts')
  if (row.code_expires_at <= ctx.clock.now()) throw apiError(410, 'code_expired')
  if (row.effect !== 'none' && hashCode(row.id, code) === row.code_hash) return
  const attemptsLeft = row.attempts_left - 1
  ctx.db
    .prepare('UPDATE verifications SET attempts_left = ? WHERE id = ?')
    .run(attemptsLeft, row.id)
  if (attemptsLeft === 0) throw apiError(429, 'too_many_attempts', { attemptsLeft: 0 })
  throw apiError(422, 'invalid_code', { attemptsLeft })
}

/** Replaces the code of a verification (the old one dies); enforces the cooldown and the cap. */
export function renewCode(ctx: ServiceContext, row: VerificationRow): { code: string } {
  if (row.completed_at !== null) throw apiError(410, 'code_expired')
  const wait = cooldownLeft(ctx, row)
  if (wait > 0) throw apiError(429, 'rate_limited', { retryAfterSeconds: wait })
  if (!ctx.mailer.underHourlyCap(row.email)) {
    throw apiError(429, 'rate_limited', {
      retryAfterSeconds: Math.ceil(limits.mailWindowMs / 1000),
    })
  }
  const now = ctx.clock.now()
  const code = newCode()
  ctx.db
    .prepare(
      'UPDATE verifications SET code_hash = ?, code_expires_at = ?, attempts_left = ?, last_sent_at = ? WHERE id = ?',
    )
    .run(hashCode(row.id, code), now + limits.codeLifetimeMs, limits.codeAttempts, now, row.id)
  return { code }
}

export function completeVerification(ctx: ServiceContext, id: string): void {
  ctx.db.prepare('UPDATE verifications SET completed_at = ? WHERE id = ?').run(ctx.clock.now(), id)
}
