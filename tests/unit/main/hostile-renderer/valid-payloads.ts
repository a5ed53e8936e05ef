import type { IpcChannel } from '@shared/ipc/channels'
import { PASSWORD } from './hostile-kiosk'

/** A payload each channel's schema accepts, for calls that must reach the handler. */
export function validPayload(channel: IpcChannel, email: string): unknown {
  const payloads: Record<IpcChannel, unknown> = {
    'app.info': undefined,
    'app.ready': undefined,
    'kiosk.wipe': { reason: 'start_over' },
    'registration.submit': {
      firstName: 'Alex',
      lastName: 'Roy',
      email,
      password: PASSWORD,
      locale: 'fr-CA',
      acceptTerms: true,
      acceptPrivacy: true,
    },
    'registration.verify': { code: '123456' },
    'registration.resend': undefined,
    'session.signIn': { email, password: PASSWORD },
    'session.signOut': undefined,
    'account.profile': undefined,
    'account.documents': undefined,
    'recovery.request': { email, locale: 'fr-CA' },
    'recovery.verify': { code: '123456' },
    'recovery.resend': undefined,
    'password.reset': { newPassword: 'Lac-Saint-Jean#2027!' },
    'links.submit': { raw: `mescertif://reset/${'A'.repeat(43)}` },
    'links.follow': undefined,
    'links.activate': undefined,
    'demo.outbox': { to: email },
    'staff.unlock': { pin: '00000000' },
    'staff.status': undefined,
    'staff.resend': { email, locale: 'fr-CA' },
    'staff.setDefaultLocale': { locale: 'en-CA' },
    'staff.resetKiosk': undefined,
    'staff.quit': undefined,
    'staff.leave': undefined,
    'counter.enrol': { email, code: 'ABCD-EFGH-JKLM', password: PASSWORD },
    'counter.signIn': { email, password: PASSWORD },
    'counter.signOut': undefined,
    'counter.lookUp': { email },
    'counter.resendInvitation': undefined,
    'counter.correctAddress': { invitationId: 'a'.repeat(32), newEmail: email },
    'counter.sendRecoveryMail': undefined,
    'counter.liftLock': undefined,
    'counter.endWaitingRegistration': undefined,
    'counter.startRegistration': undefined,
    'kiosk.activity': undefined,
  }
  return payloads[channel]
}
