import { askedAsThePageStarts, createKioskApi } from '@preload/api'
import type { IpcChannel } from '@shared/ipc/channels'

/**
 * What the Electron preload does, for the browser: `window.kiosk` from the same factory, over a
 * transport whose `invoke` is a Playwright binding into the real main-side router.
 */
declare global {
  interface Window {
    __kioskInvoke(channel: IpcChannel, payload: unknown): Promise<unknown>
    __kioskEmit(event: unknown): void
  }
}

const listeners = new Set<(event: unknown) => void>()
Object.defineProperty(window, '__kioskEmit', {
  value: (event: unknown) => listeners.forEach((listener) => listener(event)),
})
Object.defineProperty(window, 'kiosk', {
  value: createKioskApi(
    {
      invoke: (channel, payload) => window.__kioskInvoke(channel, payload),
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    { askAtOnce: askedAsThePageStarts(location.pathname) },
  ),
  writable: false,
  configurable: false,
})
