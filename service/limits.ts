import { DAY, HOUR, MINUTE } from './clock'

/**
 * Every number the service enforces (docs/account-service.md), in one place; the retention
 * periods are explained in docs/data-retention.md.
 */
export const limits = {
  codeDigits: 6,
  codeLifetimeMs: 60 * MINUTE,
  codeAttempts: 5,
  resendCooldownMs: 60_000,
  mailsPerAddressPerHour: 5,
  mailWindowMs: HOUR,
  linkTokenBytes: 32,
  activationLinkLifetimeMs: DAY,
  resetLinkLifetimeMs: DAY,
  invitationLinkLifetimeMs: 30 * DAY,
  signInFailuresBeforeLock: 10,
  signInLockMs: 15 * MINUTE,
  /** Failures older than this are forgotten (Keycloak's default "failure reset time"). */
  signInFailureResetMs: 12 * HOUR,
  sessionTokenBytes: 32,
  sessionIdleMs: 15 * MINUTE,
  sessionAbsoluteMs: 8 * HOUR,
  deviceRequestsPerMinute: 600,
  deviceRequestWindowMs: MINUTE,
  bodyLimitBytes: 16 * 1024,
  idempotencyRetentionMs: DAY,
  /** Ended codes and links stay this long so the kiosk can say "expired"/"used", then go. */
  endedRecordRetentionMs: DAY,
  /** A mail SMTP did not take within this long is given up and its body erased. */
  mailDeliveryGiveUpMs: DAY,
  mailDeliveryAttempts: 5,
  /** Recipient, kind, times and status of a mail, for the delivery view. */
  mailRecordRetentionMs: 30 * DAY,
  retentionIntervalMs: HOUR,
  /** A staff enrolment code: printed once by IT, single use, five wrong tries kill it. */
  enrolmentCodeLifetimeMs: 72 * HOUR,
  enrolmentCodeAttempts: 5,
  /** Staff sign-in: fewer tries than students before the lock (staff choose their passwords). */
  staffSignInFailuresBeforeLock: 5,
  staffSignInLockMs: 15 * MINUTE,
  /** Staff sessions: on one counter device, short idle, a shift at most; every wipe ends them. */
  staffSessionIdleMs: 10 * MINUTE,
  staffSessionAbsoluteMs: 8 * HOUR,
  /** Who looked up or acted for whom: a year of accountability (docs/data-retention.md). */
  auditRetentionMs: 365 * DAY,
  /** Fleet: a kiosk beats every minute; five minutes of silence makes it stale. */
  deviceStaleMs: 5 * MINUTE,
  /** This many crashes in the last hour and a kiosk is crash-looping. */
  crashLoopCrashesPerHour: 3,
  /** Console sessions (docs/console.md): a cookie, 15 min without a request by the person, 8 h. */
  consoleSessionIdleMs: 15 * MINUTE,
  consoleSessionAbsoluteMs: 8 * HOUR,
  /** Activity counters hold no personal data: kept long enough to compare with last year. */
  activityRetentionMs: 400 * DAY,
  /** Alert mails: one per device and state change, up to this many an hour, then digests. */
  fleetAlertMailsPerHour: 5,
  /** In a storm, at most one digest this often. */
  fleetAlertDigestEveryMs: HOUR,
  /** Delivered alerts are kept this long (the console's fleet history). */
  fleetAlertRetentionMs: 30 * DAY,
  /** How often the service looks at the fleet when no heartbeat arrives (stale kiosks, alerts). */
  fleetWatchEveryMs: 15_000,
} as const
