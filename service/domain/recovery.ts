import type { Locale } from '@shared/locales'
import type { ServiceContext } from '../context'
import { limits } from '../limits'
import type { MailTemplate } from '../mail/mail-template'
import { findAccountByEmail } from './accounts'
import { pendingCredentials } from './credentials'
import { issueLink } from './links'
import { preparedQuery } from '../db/prepared-query'
import { lockAddresses } from '../db/transactions'
import {
  cooldownLeft,
  createVerification,
  endVerifications,
  VERIFICATION_COLUMNS,
  type VerificationRow,
} from './verifications'

type RecoveryMailRow = Pick<
  VerificationRow,
  'effect' | 'email' | 'account_id' | 'registration_id' | 'locale'
>

/** Pending account → activation mail; active → reset mail; unknown → nothing at all. */
async function recoveryMail(
  ctx: ServiceContext,
  row: RecoveryMailRow,
  code: string,
): Promise<MailTemplate | undefined> {
  if (!row.account_id || row.effect === 'none') return undefined
  if (row.effect === 'activate') {
    const link = await issueLink(ctx, 'activate', row.email, limits.activationLinkLifetimeMs, {
      accountId: row.account_id,
      registrationId: row.registration_id ?? undefined,
    })
    return { kind: 'recoveryActivation', code, ...link }
  }
  const link = await issueLink(ctx, 'reset', row.email, limits.resetLinkLifetimeMs, {
    accountId: row.account_id,
  })
  return { kind: 'recoveryReset', code, ...link }
}

export async function sendRecoveryMail(
  ctx: ServiceContext,
  row: RecoveryMailRow,
  code: string,
): Promise<void> {
  const template = await recoveryMail(ctx, row, code)
  if (template) await ctx.mailer.enqueue(row.email, template, row.locale)
  else await ctx.mailer.recordDecoy(row.email)
}

/**
 * What a recovery for this address does: reset an active account's password, activate a pending
 * account with the credentials its registration holds, or nothing (unknown address, or a pending
 * account whose registration has expired: the person registers again).
 */
export async function recoveryTarget(ctx: ServiceContext, email: string) {
  const account = await findAccountByEmail(ctx, email)
  if (account?.status === 'active')
    return { effect: 'reset' as const, accountId: account.id, registrationId: undefined }
  const pending = account && (await pendingCredentials(ctx, account.id))
  if (account && pending)
    return {
      effect: 'activate' as const,
      accountId: account.id,
      registrationId: pending.registrationId,
    }
  return { effect: 'none' as const, accountId: null, registrationId: undefined }
}

/** The open recovery of an address still inside its resend cooldown, if any. */
/** Every recovery request asks it first: compiled once (service/db/prepared-query.ts). */
const openRecovery = preparedQuery((db, params: { email: string }) =>
  db
    .selectFrom('verifications')
    .select(VERIFICATION_COLUMNS)
    .where('email', '=', params.email)
    .where('purpose', '=', 'recovery')
    .where('completed_at', 'is', null)
    .where('attempts_left', '>', 0)
    .orderBy('created_at', 'desc')
    .limit(1),
)

export async function recentRecovery(
  ctx: ServiceContext,
  email: string,
): Promise<VerificationRow | undefined> {
  const [recent] = await openRecovery(ctx.db, { email })
  return recent && cooldownLeft(ctx, recent) > 0 ? recent : undefined
}

/**
 * Starts a recovery (the old one ends) and mails its code if the address is under its hourly cap,
 * inside the caller's transaction (it takes the address's lock); the public endpoint and staff at
 * the counter both use it.
 */
export async function startRecovery(
  ctx: ServiceContext,
  email: string,
  locale: Locale,
): Promise<{ id: string; effect: VerificationRow['effect']; mailed: boolean }> {
  await lockAddresses(ctx, email)
  const target = await recoveryTarget(ctx, email)
  const mailed = await ctx.mailer.underHourlyCap(email)
  await endVerifications(ctx, email, 'recovery')
  const verification = await createVerification(ctx, {
    purpose: 'recovery',
    effect: target.effect,
    email,
    accountId: target.accountId,
    ...(target.registrationId ? { registrationId: target.registrationId } : {}),
    locale,
    mailed,
  })
  if (mailed) {
    await sendRecoveryMail(
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
