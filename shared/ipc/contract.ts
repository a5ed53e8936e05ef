import { z } from 'zod'
import {
  AccountActivated,
  CredentialDocument,
  LinkInfo,
  OutboxMessage,
  Password,
  PersonName,
  Profile,
  RecoveryVerified,
  ResendAccepted,
  VerificationCode,
} from '../api/schemas'
import { Locale } from '../locales'
import { MAIL_LINK_MAX_LENGTH } from '../mail-link'
import { WipeReason } from './events'
import { AppInfo, KioskMode } from './app-info'
import { STAFF_PIN_PATTERN } from '../staff-pin'
import type { IpcChannel } from './channels'
import { counterContract } from './counter-contract'

const None = z.undefined()
const Empty = z.strictObject({})
/** The renderer sends the email as typed; main and the service normalise it. */
const TypedEmail = z.string().max(320)

export const StaffStatus = z.strictObject({
  serviceReachable: z.boolean(),
  serviceVersion: z.string().optional(),
  kioskId: z.string(),
  version: z.string(),
  configSource: z.string(),
  keychain: z.enum(['available', 'unavailable', 'not_used_in_demo']),
  mode: KioskMode,
  allowQuit: z.boolean(),
})
export type StaffStatus = z.infer<typeof StaffStatus>

/**
 * Request and response schema of every channel. Main validates every request with these before a
 * handler runs, and the harness checks every response against them.
 */
export const ipcContract = {
  'app.info': { request: None, response: AppInfo },
  'app.ready': { request: None, response: Empty },
  'kiosk.wipe': {
    /**
     * `keepPendingLink`: the next person's mail link arrived while the previous session was open;
     * only a link not followed yet can be kept (see `electron/main/kiosk-state.ts`).
     */
    request: z.strictObject({ reason: WipeReason, keepPendingLink: z.boolean().optional() }),
    response: Empty,
  },
  'registration.submit': {
    request: z.strictObject({
      firstName: PersonName,
      lastName: PersonName,
      email: TypedEmail,
      password: Password,
      locale: Locale,
      acceptTerms: z.boolean(),
      acceptPrivacy: z.boolean(),
    }),
    response: z.strictObject({ maskedEmail: z.string(), resendAfterSeconds: z.number().int() }),
  },
  'registration.verify': {
    request: z.strictObject({ code: VerificationCode }),
    response: AccountActivated,
  },
  'registration.resend': { request: None, response: ResendAccepted },
  'session.signIn': {
    request: z.strictObject({ email: TypedEmail, password: Password }),
    response: z.strictObject({ expiresAt: z.string() }),
  },
  'session.signOut': { request: None, response: Empty },
  'account.profile': { request: None, response: Profile },
  'account.documents': { request: None, response: z.array(CredentialDocument) },
  'recovery.request': {
    request: z.strictObject({ email: TypedEmail, locale: Locale }),
    response: ResendAccepted,
  },
  'recovery.verify': {
    request: z.strictObject({ code: VerificationCode }),
    response: z.strictObject({ next: RecoveryVerified.shape.next }),
  },
  'recovery.resend': { request: None, response: ResendAccepted },
  'password.reset': { request: z.strictObject({ newPassword: Password }), response: Empty },
  'links.submit': {
    request: z.strictObject({ raw: z.string().max(MAIL_LINK_MAX_LENGTH * 20) }),
    response: LinkInfo,
  },
  /** The person follows the link that arrived: main makes it theirs. */
  'links.follow': { request: None, response: Empty },
  'links.activate': { request: None, response: AccountActivated },
  'demo.outbox': { request: z.strictObject({ to: TypedEmail }), response: z.array(OutboxMessage) },
  'staff.unlock': {
    request: z.strictObject({ pin: z.string().regex(STAFF_PIN_PATTERN) }),
    response: Empty,
  },
  'staff.status': { request: None, response: StaffStatus },
  'staff.resend': {
    request: z.strictObject({ email: TypedEmail, locale: Locale }),
    response: ResendAccepted,
  },
  'staff.setDefaultLocale': { request: z.strictObject({ locale: Locale }), response: Empty },
  'staff.resetKiosk': { request: None, response: Empty },
  'staff.quit': { request: None, response: Empty },
  'staff.leave': { request: None, response: Empty },
  ...counterContract,
} as const satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>

export type IpcContract = typeof ipcContract
export type IpcRequest<C extends IpcChannel> = z.input<IpcContract[C]['request']>
export type IpcResponse<C extends IpcChannel> = z.infer<IpcContract[C]['response']>
