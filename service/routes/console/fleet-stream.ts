import { FLEET_EVENT, SESSION_ENDED_EVENT, type ConsoleFleet } from '@shared/api/console/fleet'
import type { FleetWatch } from '../../fleet-watch'

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`

/** What of a response the stream uses (a `ServerResponse`). */
export interface StreamResponse {
  readonly writableEnded: boolean
  write(chunk: string): unknown
  end(chunk?: string): unknown
  once(event: 'close', listener: () => void): unknown
}

/** What the fleet page's live stream writes to, and how it learns that its session still holds. */
export interface FleetStream {
  raw: StreamResponse
  watch: Pick<FleetWatch, 'current' | 'subscribe'>
  /** Rejects once the session the stream was opened with has ended. */
  sessionHolds(): Promise<unknown>
  keepaliveMs?: number
}

/**
 * The fleet page's live stream (server-sent events): the fleet as it is, then a new fleet whenever
 * it changes, and `session-ended` when the session does. It listens before it reads the fleet, and
 * writes one thing at a time in the order asked, that first read first: a change that lands while
 * the first fleet is read is written after it, never lost (it was, until 2026-12-07: the page then
 * showed a kiosk "never seen" after its first beat until the next change). Resolves once the first
 * fleet is written.
 */
export function openFleetStream(stream: FleetStream): Promise<void> {
  const { raw, watch } = stream
  // Nothing is written once the stream has ended (a write after the end is an error event).
  const write = async (fleet: ConsoleFleet, changed: boolean) => {
    if (raw.writableEnded) return
    try {
      await stream.sessionHolds()
    } catch {
      if (!raw.writableEnded) raw.end(event(SESSION_ENDED_EVENT, {}))
      return
    }
    if (changed && !raw.writableEnded) raw.write(event(FLEET_EVENT, fleet))
  }
  let inLine: Promise<void> = Promise.resolve()
  const inTurn = (next: () => Promise<void>) => {
    const done = inLine.then(next)
    inLine = done.catch(() => undefined)
    return done
  }
  const unsubscribe = watch.subscribe((fleet, changed) => inTurn(() => write(fleet, changed)))
  const keepalive = setInterval(() => {
    if (!raw.writableEnded) raw.write(': keepalive\n\n')
  }, stream.keepaliveMs ?? KEEPALIVE_MS)
  keepalive.unref()
  raw.once('close', () => {
    unsubscribe()
    clearInterval(keepalive)
  })
  return inTurn(async () => write(await watch.current(), true))
}
