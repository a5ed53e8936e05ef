import { CompiledQuery } from 'kysely'
import type { ServiceContext } from './context'
import { oneAtATime } from './db/transactions'
import { forgetEndedWindows } from './domain/request-quota'
import { limits } from './limits'

/** `:name` parameters in order, as `?` (SQLite) or `$n` (PostgreSQL). */
function compileRule(
  engine: ServiceContext['store']['engine'],
  text: string,
  params: Record<string, number>,
): CompiledQuery {
  const values: number[] = []
  const sql = text.replace(/:(\w+)/g, (_, name: string) => {
    values.push(params[name]!)
    return engine === 'postgres' ? `$${values.length}` : '?'
  })
  return CompiledQuery.raw(sql, values)
}

/**
 * The retention rules of docs/data-retention.md, one statement each, in an order that respects
 * the foreign keys (what points to a row goes first), in one transaction. Every instance runs it
 * every hour, one at a time (on PostgreSQL an advisory lock), and each rule is idempotent: a run
 * right after another finds nothing to do. Returns how many rows each rule touched.
 */
export async function purgeExpiredData(ctx: ServiceContext): Promise<Record<string, number>> {
  const now = ctx.clock.now()
  const endedBefore = now - limits.endedRecordRetentionMs
  const rules: [name: string, sql: string, params: Record<string, number>][] = [
    [
      'sessions',
      `DELETE FROM sessions WHERE revoked_at IS NOT NULL OR expires_at <= :now
         OR last_seen_at <= :idleBefore`,
      { now, idleBefore: now - limits.sessionIdleMs },
    ],
    [
      'staffSessions',
      `DELETE FROM staff_sessions WHERE revoked_at IS NOT NULL OR expires_at <= :now
         OR last_seen_at <= :idleBefore`,
      { now, idleBefore: now - limits.staffSessionIdleMs },
    ],
    [
      'staffSignInThrottle',
      'DELETE FROM staff_sign_in_throttle WHERE locked_until <= :now AND last_attempt_at <= :before',
      { now, before: now - limits.signInFailureResetMs },
    ],
    [
      'staffEnrolmentThrottle',
      'DELETE FROM staff_enrolment_throttle WHERE last_attempt_at <= :before',
      { before: now - limits.signInFailureResetMs },
    ],
    [
      'consoleSessions',
      `DELETE FROM console_sessions WHERE revoked_at IS NOT NULL OR expires_at <= :now
         OR last_seen_at <= :idleBefore`,
      { now, idleBefore: now - limits.consoleSessionIdleMs },
    ],
    [
      'consoleSignInThrottle',
      'DELETE FROM console_sign_in_throttle WHERE locked_until <= :now AND last_attempt_at <= :before',
      { now, before: now - limits.signInFailureResetMs },
    ],
    [
      'consoleEnrolmentCodes',
      `UPDATE console_accounts SET enrolment_code_hash = NULL, enrolment_attempts_left = 0
         WHERE enrolment_code_hash IS NOT NULL AND enrolment_expires_at <= :now`,
      { now },
    ],
    [
      // Counts without personal data: kept to compare with last year (docs/data-retention.md).
      'activityCounts',
      'DELETE FROM activity_counts WHERE hour_start <= :before',
      { before: now - limits.activityRetentionMs },
    ],
    [
      'fleetAlerts',
      "DELETE FROM fleet_alerts WHERE delivery != 'pending' AND delivered_at <= :before",
      { before: now - limits.fleetAlertRetentionMs },
    ],
    [
      // An enrolment code nobody used: its MAC goes once it has expired.
      'enrolmentCodes',
      `UPDATE staff SET enrolment_code_hash = NULL, enrolment_attempts_left = 0
         WHERE enrolment_code_hash IS NOT NULL AND enrolment_expires_at <= :now`,
      { now },
    ],
    [
      'auditLog',
      'DELETE FROM audit_log WHERE at <= :before',
      { before: now - limits.auditRetentionMs },
    ],
    [
      'mailEvents',
      'DELETE FROM mail_events WHERE at <= :before',
      { before: now - limits.mailWindowMs },
    ],
    [
      'idempotencyKeys',
      'DELETE FROM idempotency_keys WHERE created_at <= :before',
      { before: now - limits.idempotencyRetentionMs },
    ],
    [
      'signInThrottle',
      'DELETE FROM sign_in_throttle WHERE locked_until <= :now AND last_attempt_at <= :before',
      { now, before: now - limits.signInFailureResetMs },
    ],
    [
      'linkTokens',
      'DELETE FROM link_tokens WHERE used_at <= :endedBefore OR expires_at <= :endedBefore',
      { endedBefore },
    ],
    [
      // A password hash goes as soon as no code or link can activate it any more.
      'registrationCredentials',
      `DELETE FROM registration_credentials WHERE
         NOT EXISTS (SELECT 1 FROM link_tokens l WHERE l.registration_id = registration_credentials.registration_id
           AND l.used_at IS NULL AND l.expires_at > :now)
         AND NOT EXISTS (SELECT 1 FROM verifications v WHERE v.registration_id = registration_credentials.registration_id
           AND v.completed_at IS NULL AND v.attempts_left > 0 AND v.code_expires_at > :now)`,
      { now },
    ],
    [
      'verifications',
      `DELETE FROM verifications WHERE (completed_at <= :endedBefore OR code_expires_at <= :endedBefore)
         AND id NOT IN (SELECT registration_id FROM registration_credentials)`,
      { endedBefore },
    ],
    [
      // A registration that was never activated and can no longer be: the address is free again.
      'pendingAccounts',
      `DELETE FROM accounts WHERE status = 'pending'
         AND NOT EXISTS (SELECT 1 FROM registration_credentials c WHERE c.account_id = accounts.id)
         AND NOT EXISTS (SELECT 1 FROM verifications v WHERE v.account_id = accounts.id)
         AND NOT EXISTS (SELECT 1 FROM link_tokens l WHERE l.account_id = accounts.id)`,
      {},
    ],
    [
      'undeliveredMails',
      `UPDATE mails SET status = 'failed', text = '', html = ''
         WHERE status = 'queued' AND created_at <= :before`,
      { before: now - limits.mailDeliveryGiveUpMs },
    ],
    [
      // Bodies outside the demo's outbox, e.g. from before bodies were erased at delivery.
      'mailBodies',
      `UPDATE mails SET text = '', html = ''
         WHERE :erase = 1 AND status != 'queued' AND (text != '' OR html != '')`,
      { erase: ctx.keepMailBodies ? 0 : 1 },
    ],
    [
      'mails',
      'DELETE FROM mails WHERE created_at <= :before',
      { before: now - limits.mailRecordRetentionMs },
    ],
  ]
  const purged = await oneAtATime(ctx, 'retention', async (tx) => {
    const touched: Record<string, number> = {}
    for (const [name, text, params] of rules) {
      const result = await tx.db.executeQuery(compileRule(tx.store.engine, text, params))
      touched[name] = Number(result.numAffectedRows ?? 0n)
    }
    if (tx.store.engine === 'postgres')
      touched.requestWindows = await forgetEndedWindows(tx.db, now, limits.deviceRequestWindowMs)
    return touched
  })
  await ctx.store.forgetErasedPages()
  return purged
}

export interface RetentionSchedule {
  /** Resolves once the run in progress, if any, has ended. */
  idle(): Promise<void>
  /** Stops the schedule, after the run in progress. */
  stop(): Promise<void>
}

/** Purges now, then every hour. */
export function scheduleRetention(ctx: ServiceContext): RetentionSchedule {
  let running: Promise<void> = Promise.resolve()
  const run = () => {
    running = purgeExpiredData(ctx).then(
      () => undefined,
      // Never fatal: the next run tries again. The name only: no row content reaches the log.
      (error: unknown) => console.error(`retention failed: ${(error as Error).name}`),
    )
  }
  run()
  const timer = setInterval(run, limits.retentionIntervalMs)
  timer.unref()
  return {
    idle: () => running,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
