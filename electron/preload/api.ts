import { ipcChannels } from '@shared/ipc/channels'
import type { KioskApi, KioskTransport } from '@shared/ipc/kiosk-api'
import type { Result } from '@shared/result'

/**
 * Builds `window.kiosk` from the channel list. Used by the Electron preload (over ipcRenderer)
 * and by the browser harness (over page.exposeBinding), so both run the same object.
 */
export function createKioskApi(transport: KioskTransport): KioskApi {
  const api: Record<string, Record<string, unknown>> = {}
  for (const channel of ipcChannels) {
    const [domain = '', action = ''] = channel.split('.')
    const calls = (api[domain] ??= {})
    calls[action] = async (payload?: unknown): Promise<Result<unknown>> => {
      try {
        return (await transport.invoke(channel, payload)) as Result<unknown>
      } catch {
        // The router never throws; this only happens if the bridge itself breaks.
        return { ok: false, error: { code: 'internal_error' } }
      }
    }
  }
  const onEvent: KioskApi['onEvent'] = (listener) =>
    transport.subscribe((event) => listener(event as Parameters<typeof listener>[0]))
  return Object.freeze({ ...api, onEvent }) as unknown as KioskApi
}
