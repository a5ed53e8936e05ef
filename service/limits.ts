import { DAY, HOUR, MINUTE } from './clock'

/** Every number of SPEC §6, in one place. */
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
  sessionTokenBytes: 32,
  sessionIdleMs: 15 * MINUTE,
  sessionAbsoluteMs: 8 * HOUR,
  deviceRequestsPerMinute: 600,
  bodyLimitBytes: 16 * 1024,
  idempotencyRetentionMs: DAY,
} as const
