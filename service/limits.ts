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
} as const
