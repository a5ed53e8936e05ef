import { createKioskApi } from '@preload/api'
import type { IpcChannel } from '@shared/ipc/channels'
import type { Result } from '@shared/result'

type Answer = (payload: unknown) => Result<unknown> | Promise<Result<unknown>>

/**
 * `window.kiosk` as the renderer gets it (the real preload factory), over a transport that
 * records every call and answers from the test's script instead of main. A channel the test did
 * not script answers `internal_error` and is listed in `unexpected`.
 */
export function installFakeKiosk(answers: Partial<Record<IpcChannel, Answer>> = {}) {
  const calls: { channel: IpcChannel; payload: unknown }[] = []
  const unexpected: IpcChannel[] = []
  const api = createKioskApi({
    invoke: async (channel, payload) => {
      calls.push({ channel, payload })
      const answer = answers[channel]
      if (answer) return answer(payload)
      unexpected.push(channel)
      return { ok: false, error: { code: 'internal_error' } }
    },
    subscribe: () => () => undefined,
  })
  Object.defineProperty(window, 'kiosk', { value: api, configurable: true })
  return {
    answers,
    unexpected,
    /** The channels called, in order. */
    channels: () => calls.map((call) => call.channel),
    /** The payload of the last call on a channel. */
    lastPayload: (channel: IpcChannel) =>
      calls.filter((call) => call.channel === channel).at(-1)?.payload,
  }
}

/** A call main has not answered yet: the test decides when, to look at the store meanwhile. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
