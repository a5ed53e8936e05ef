import type { Result } from '@shared/result'
import type { EventLog, LogValue } from '../event-log'

/** One log line per service call a handler makes: the event, whether it worked, and the code if not. */
export function logOutcome(
  log: EventLog,
  event: string,
  result: Result<unknown>,
  details: Record<string, LogValue> = {},
): void {
  log.info(event, { ok: result.ok, ...(result.ok ? {} : { code: result.error.code }), ...details })
}
