import log from 'electron-log/main'
import { createEventLog, type EventLog } from './event-log'

/** Rotates at 5 MB (electron-log keeps one `.old.log`), in the app's log folder. */
const MAX_LOG_BYTES = 5 * 1024 * 1024

export function createFileEventLog(): { events: EventLog; file: string } {
  log.transports.file.maxSize = MAX_LOG_BYTES
  log.transports.file.format = '[{iso}] [{level}] {text}'
  log.transports.console.level = false
  const events = createEventLog({ write: (level, line) => log[level](line) })
  return { events, file: log.transports.file.getFile().path }
}
