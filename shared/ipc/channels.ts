/**
 * Every renderer → main channel, `domain.action`. The preload builds `window.kiosk` from this
 * list alone, so it stays free of the schemas; `contract.ts` gives each one its schemas.
 */
export const ipcChannels = [
  'app.info',
  'app.ready',
  'kiosk.wipe',
  'registration.submit',
  'registration.verify',
  'registration.resend',
  'session.signIn',
  'session.signOut',
  'account.profile',
  'account.documents',
  'recovery.request',
  'recovery.verify',
  'recovery.resend',
  'password.reset',
  'links.submit',
  'links.follow',
  'links.activate',
  'demo.outbox',
  'staff.unlock',
  'staff.status',
  'staff.resend',
  'staff.setDefaultLocale',
  'staff.resetKiosk',
  'staff.quit',
  'staff.leave',
  'counter.enrol',
  'counter.signIn',
  'counter.signOut',
  'counter.lookUp',
  'counter.resendInvitation',
  'counter.correctAddress',
  'counter.sendRecoveryMail',
  'counter.liftLock',
  'counter.endWaitingRegistration',
  'counter.startRegistration',
  'kiosk.activity',
] as const

export type IpcChannel = (typeof ipcChannels)[number]

/** The single main → renderer channel; its payload is a `KioskEvent`. */
export const EVENT_CHANNEL = 'kiosk.event'
