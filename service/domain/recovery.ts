import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { limits } from '../limits'
import type { MailTemplate } from '../mail/mail-template'
import { findAccountByEmail } from './accounts'
import { pendingCredentials } from './credentials'
import { issueLink } from './links'
import {
  cooldownLeft,
  createVerification,
  endVerifications,
  type VerificationRow,
} from './verifications'

type RecoveryMailRow = Pick<
  VerificationRow,
  'effect' | 'email' | 'account_id' | 'registration_id' | 'locale'
>

/** Pending account → activation mail; active → reset mail; unknown → nothing at all. */
function recoveryMail(
  ctx: ServiceContext,
  row: RecoveryMailRow,
  code: string,
): MailTemplate | undefined {
  if (!row.account_id || row.effect === 'none') return undefined
  if (row.effect === 'activate') {
    const link = issueLink(ctx, 'activate', row.email, limits.activationLinkLifetimeMs, {
      accountId: row.account_id,
      registrationId: row.registration_id ?? undefined,
    })
    return { kind: 'recoveryActivation', code, ...link }
  }
  const link = issueLink(ctx, 'reset', row.email, limits.resetLinkLifetimeMs, {
    accountId: row.account_id,
  })
  return { kind: 'recoveryReset', code, ...link }
}

export function sendRecoveryMail(ctx: ServiceContext, row: RecoveryMailRow, code: string) {
  const template = recoveryMail(ctx, row, code)
  if (template) ctx.mailer.enqueue(row.email, template, row.locale)
  else ctx.mailer.recordDecoy(row.email)
}

/**
 * What a recovery for this address does: reset an active account's password, activate a pending
 * account with the credentials its registration holds, or nothing (unknown address, or a pending
 * account whose registration has expired: the person registers again).
 */
export function recoveryTarget(ctx: ServiceContext, email: string) {
  const account = findAccountByEmail(ctx, email)
  if (account?.status === 'active')
    return { effect: 'reset' as const, accountId: account.id, registrationId: undefined }
  const pending = account && pendingCredentials(ctx, account.id)
  if (account && pending)
    return {
      effect: 'activate' as const,
      accountId: account.id,
      registrationId: pending.registrationId,
    }
  return { effect: 'none' as const, accountId: null, registrationId: undefined }
}

/** The open recovery of an address still inside its resend cooldown, if any. */
export function recentRecovery(ctx: ServiceContext, email: string): VerificationRow | undefined {
  const recent = ctx.db
    .prepare(
      `SELECT * FROM verifications WHERE email = ? AND purpose = 'recovery' AND completed_at IS NULL
       AND attempts_left > 0 ORDER BY created_at DESC LIMIT 1`,
    )
    .get(email) as VerificationRow | undefined
  return recent && cooldownLeft(ctx, recent) > 0 ? recent : undefined
}

/**
 * Starts a recovery (the old one ends) and mails its code if the address is under its hourly cap,
 * inside the caller's transaction; the public endpoint and staff at the counter both use it.
 */
export function startRecovery(
  ctx: ServiceContext,
  email: string,
  locale: Locale,
): { id: string; effect: VerificationRow['effect']; mailed: boolean } {
  const target = recoveryTarget(ctx, email)
  const mailed = ctx.mailer.underHourlyCap(email)
  endVerifications(ctx, email, 'recovery')
  const verification = createVerification(ctx, {
    purpose: 'recovery',
    effect: target.effect,
    email,
    accountId: target.accountId,
    ...(target.registrationId ? { registrationId: target.registrationId } : {}),
    locale,
    mailed,
  })
  if (mailed) {
    sendRecoveryMail(
      ctx,
      {
        effect: target.effect,
        email,
        account_id: target.accountId,
        registration_id: target.registrationId ?? null,
        locale,
      },
      verification.code,
    )
  }
  return { id: verification.id, effect: target.effect, mailed }
}
