/**
 * The kiosk's log: events and error codes only (docs/product.md, "Kiosk behaviour"). Values are
 * restricted to short machine words and numbers, so an email, a name, a password, a code or a token
 * cannot be written even by mistake: anything else is replaced by "[redacted]".
 */
export type LogValue = string | number | boolean
export type LogLevel = 'info' | 'warn' | 'error'

export interface LogSink {
  write(level: LogLevel, line: string): void
}

export interface EventLog {
  info(event: string, details?: Record<string, LogValue>): void
  warn(event: string, details?: Record<string, LogValue>): void
  error(event: string, details?: Record<string, LogValue>): void
}

/**
 * Machine words only: lower-case event names and codes, locale tags, error class names. Anything
 * longer or mixed-case (a token, a name) does not match.
 */
const SAFE_WORDS = [/^[a-z][a-z0-9_.:/-]{0,39}$/, /^(fr|en)-CA$/, /^[A-Z][A-Za-z]{0,40}Error$/]
// A six-digit (or longer) number could be a code: numbers are only logged when small.
const SAFE_NUMBER_LIMIT = 100_000

export function safeValue(value: LogValue): LogValue {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number')
    return Number.isFinite(value) && Math.abs(value) < SAFE_NUMBER_LIMIT ? value : '[redacted]'
  return SAFE_WORDS.some((pattern) => pattern.test(value)) && !value.includes('@')
    ? value
    : '[redacted]'
}

export function createEventLog(sink: LogSink): EventLog {
  const write = (level: LogLevel, event: string, details: Record<string, LogValue> = {}) => {
    const parts = [safeValue(event)]
    for (const [key, value] of Object.entries(details))
      parts.push(`${safeValue(key)}=${safeValue(value)}`)
    sink.write(level, parts.join(' '))
  }
  return {
    info: (event, details) => write('info', event, details),
    warn: (event, details) => write('warn', event, details),
    error: (event, details) => write('error', event, details),
  }
}
