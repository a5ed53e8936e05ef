import { ipcChannels, type IpcChannel } from '@shared/ipc/channels'
import type { KioskApi, KioskTransport } from '@shared/ipc/kiosk-api'
import type { Result } from '@shared/result'

/**
 * What the first screen waits for, asked as the preload runs (before the page has even fetched its
 * script) rather than once the page's script asks: the answer is there when it does, not one round
 * trip later, while main is also busy serving the page's files (docs/performance.md). Only on the
 * app's own page: the static out-of-order page asks nothing, and main may have no IPC behind it.
 */
export const askedAsThePageStarts = (pagePath: string): readonly IpcChannel[] =>
  pagePath === '/index.html' ? ['app.info'] : []

export interface KioskApiOptions {
  /** Channels asked once as the API is built; the page's first call of each takes that answer. */
  askAtOnce?: readonly IpcChannel[]
}

/**
 * Builds `window.kiosk` from the channel list. Used by the Electron preload (over ipcRenderer)
 * and by the browser harness (over page.exposeBinding), so both run the same object.
 */
export function createKioskApi(transport: KioskTransport, options: KioskApiOptions = {}): KioskApi {
  const call = async (channel: IpcChannel, payload?: unknown): Promise<Result<unknown>> => {
    try {
      return (await transport.invoke(channel, payload)) as Result<unknown>
    } catch {
      // The router never throws; this only happens if the bridge itself breaks.
      return { ok: false, error: { code: 'internal_error' } }
    }
  }
  const early = new Map<IpcChannel, Promise<Result<unknown>>>()
  for (const channel of options.askAtOnce ?? []) early.set(channel, call(channel))
  /** The early answer once, if it is a good one; a refused or failed one is asked again. */
  const takeEarly = async (channel: IpcChannel, payload?: unknown) => {
    const answer = early.get(channel)
    early.delete(channel)
    const result = answer && (await answer)
    return result?.ok ? result : call(channel, payload)
  }

  const api: Record<string, Record<string, unknown>> = {}
  for (const channel of ipcChannels) {
    const [domain = '', action = ''] = channel.split('.')
    const calls = (api[domain] ??= {})
    calls[action] = (payload?: unknown) =>
      early.has(channel) ? takeEarly(channel, payload) : call(channel, payload)
  }
  const onEvent: KioskApi['onEvent'] = (listener) =>
    transport.subscribe((event) => listener(event as Parameters<typeof listener>[0]))
  return Object.freeze({ ...api, onEvent }) as unknown as KioskApi
}
