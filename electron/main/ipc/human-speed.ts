import type { IpcChannel } from '@shared/ipc/channels'
import type { EventLog } from '../event-log'
import { channelForLog } from './channel-for-log'

/** `burst` calls at once, then one more every `everySeconds` (a token bucket). */
export interface HumanSpeed {
  burst: number
  everySeconds: number
}

/**
 * How fast a person at a kiosk can use each channel that reaches the service, in one table. A
 * person submits a form every few seconds at most; a hostile page calls thousands of times a
 * second. Main forwards at most this, so a flood can neither use up the kiosk's own service quota
 * (600 requests a minute per device, `service/limits.ts`; the table's sum is ≈ 280 a minute) nor
 * send mail to arbitrary addresses faster than a person could. Channels that stay inside main
 * are `local` (a wipe in particular must never be refused).
 */
export const humanSpeed: Record<IpcChannel, HumanSpeed | 'local'> = {
  'app.info': 'local',
  'app.ready': 'local',
  'kiosk.wipe': 'local',
  // These four send mail.
  'registration.submit': { burst: 3, everySeconds: 10 },
  'registration.resend': { burst: 2, everySeconds: 30 },
  'recovery.request': { burst: 3, everySeconds: 15 },
  'recovery.resend': { burst: 2, everySeconds: 30 },
  'registration.verify': { burst: 5, everySeconds: 5 },
  'session.signIn': { burst: 5, everySeconds: 6 },
  'session.signOut': { burst: 5, everySeconds: 3 },
  'account.profile': { burst: 5, everySeconds: 3 },
  'account.documents': { burst: 5, everySeconds: 3 },
  'recovery.verify': { burst: 5, everySeconds: 5 },
  'password.reset': { burst: 3, everySeconds: 10 },
  'links.submit': { burst: 5, everySeconds: 5 },
  'links.follow': 'local',
  'links.activate': { burst: 3, everySeconds: 10 },
  // The demo mailbox polls every 3 s while open.
  'demo.outbox': { burst: 5, everySeconds: 2 },
  // Each try costs a scrypt hash in main; the lockout bounds the guesses.
  'staff.unlock': { burst: 5, everySeconds: 6 },
  'staff.status': { burst: 5, everySeconds: 3 },
  'staff.resend': { burst: 3, everySeconds: 10 },
  'staff.setDefaultLocale': 'local',
  'staff.resetKiosk': 'local',
  'staff.quit': 'local',
  'staff.leave': 'local',
  // The counter desk: a staff member types an address, reads, decides, confirms.
  'counter.enrol': { burst: 3, everySeconds: 10 },
  'counter.signIn': { burst: 5, everySeconds: 6 },
  'counter.signOut': { burst: 3, everySeconds: 5 },
  'counter.lookUp': { burst: 5, everySeconds: 5 },
  // These three send mail.
  'counter.resendInvitation': { burst: 2, everySeconds: 30 },
  'counter.correctAddress': { burst: 2, everySeconds: 30 },
  'counter.sendRecoveryMail': { burst: 2, everySeconds: 30 },
  'counter.liftLock': { burst: 3, everySeconds: 10 },
  'counter.endWaitingRegistration': { burst: 3, everySeconds: 10 },
  'counter.startRegistration': { burst: 3, everySeconds: 10 },
  // Stays in main: a flood only postpones the nightly restart.
  'kiosk.activity': 'local',
}

export interface HumanSpeedLimiter {
  /** 0 if the call may go ahead (and counts), else the seconds until it may. */
  take(channel: IpcChannel): number
}

/** One token bucket per channel; a channel that starts refusing is logged once, not per call. */
export function createHumanSpeedLimiter(deps: {
  now: () => number
  log: EventLog
}): HumanSpeedLimiter {
  const buckets = new Map<IpcChannel, { tokens: number; at: number; refusing: boolean }>()
  return {
    take(channel) {
      const speed = humanSpeed[channel]
      if (speed === 'local') return 0
      const at = deps.now()
      const everyMs = speed.everySeconds * 1000
      const bucket = buckets.get(channel) ?? { tokens: speed.burst, at, refusing: false }
      bucket.tokens = Math.min(speed.burst, bucket.tokens + Math.max(0, at - bucket.at) / everyMs)
      // A clock set back must not hand out tokens twice.
      bucket.at = Math.max(bucket.at, at)
      buckets.set(channel, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        bucket.refusing = false
        return 0
      }
      if (!bucket.refusing) deps.log.warn('ipc.too_fast', { channel: channelForLog(channel) })
      bucket.refusing = true
      return Math.max(1, Math.ceil(((1 - bucket.tokens) * everyMs) / 1000))
    },
  }
}
