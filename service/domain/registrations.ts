import type { RegistrationRequest } from '@shared/api/schemas'
import type { ServiceContext } from '../context'
import { limits } from '../limits'
import type { MailTemplate } from '../mail/mail-template'
import { lockAddresses } from '../db/transactions'
import { newId } from '../security/secrets'
import { countActivity } from './activity'
import { createPendingAccount, findAccountByEmail, isInvited } from './accounts'
import { storeCredentials, supersedeRegistrations } from './credentials'
import { issueLink } from './links'
import { createVerification, hasLiveActivationCode, type VerificationRow } from './verifications'

export type RegistrationInput = Omit<RegistrationRequest, 'password'> & {
  passwordHash: string
  deviceId: string
}

/**
 * The mail a registration sends: its code and activation link when it is real; otherwise an
 * explanation that fits the address (not invited, already active, or a registration already
 * waiting). Derived again at each resend, so it follows the address's state.
 */
export async function registrationMail(
  ctx: ServiceContext,
  row: Pick<VerificationRow, 'effect' | 'email' | 'account_id' | 'registration_id'>,
  code: string,
): Promise<MailTemplate> {
  if (row.effect === 'activate' && row.account_id && row.registration_id) {
    const link = await issueLink(ctx, 'activate', row.email, limits.activationLinkLifetimeMs, {
      accountId: row.account_id,
      registrationId: row.registration_id,
    })
    return { kind: 'registrationCode', code, ...link }
  }
  const status = (await findAccountByEmail(ctx, row.email))?.status
  if (status === 'active') return { kind: 'alreadyActive' }
  if (status === 'pending' && (await isInvited(ctx, row.email)))
    return { kind: 'registrationPending' }
  return { kind: 'notInvited' }
}

/**
 * Records a registration and queues its mail, inside the caller's transaction (it takes the
 * address's lock); returns the id the kiosk verifies against. The rule (docs/account-service.md):
 * - an uninvited or already active address gets a decoy (its code never works) and a mail saying so;
 * - while an earlier registration's code can still be used, the address is held: a decoy again,
 *   and a mail saying a registration is waiting; the earlier one is untouched;
 * - otherwise the registration replaces any earlier one and carries its own credentials; its code
 *   works only if it is mailed (the hourly cap), so nobody gets guesses they were not mailed.
 */
export async function acceptRegistration(
  ctx: ServiceContext,
  input: RegistrationInput,
): Promise<string> {
  const { email, locale } = input
  await lockAddresses(ctx, email)
  await countActivity(ctx, input.deviceId, 'registrationsStarted')
  const account = await findAccountByEmail(ctx, email)
  const mailed = await ctx.mailer.underHourlyCap(email)
  // A pending account counts only while its invitation stands: staff may have revoked it (a
  // corrected address), and the mistyped address must not be registrable any more.
  const real =
    account?.status !== 'active' &&
    (await isInvited(ctx, email)) &&
    !(await hasLiveActivationCode(ctx, email))

  if (!real) {
    const decoy = await createVerification(ctx, {
      purpose: 'registration',
      effect: 'none',
      email,
      accountId: account?.id ?? null,
      locale,
      mailed,
    })
    if (mailed)
      await ctx.mailer.enqueue(
        email,
        await registrationMail(
          ctx,
          { effect: 'none', email, account_id: null, registration_id: null },
          decoy.code,
        ),
        locale,
      )
    return decoy.id
  }

  const accountId = account?.id ?? (await createPendingAccount(ctx, email, locale))
  await supersedeRegistrations(ctx, email, accountId)
  const registrationId = newId()
  const { code } = await createVerification(ctx, {
    id: registrationId,
    purpose: 'registration',
    effect: 'activate',
    email,
    accountId,
    registrationId,
    locale,
    mailed,
  })
  await storeCredentials(ctx, {
    registrationId,
    accountId,
    firstName: input.firstName,
    lastName: input.lastName,
    passwordHash: input.passwordHash,
    locale,
    termsVersion: input.termsVersion,
    privacyVersion: input.privacyVersion,
    deviceId: input.deviceId,
  })
  if (mailed) {
    await ctx.mailer.enqueue(
      email,
      await registrationMail(
        ctx,
        { effect: 'activate', email, account_id: accountId, registration_id: registrationId },
        code,
      ),
      locale,
    )
    await countActivity(ctx, input.deviceId, 'codesSent')
  }
  return registrationId
}
