import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import type { KioskMode } from '@shared/ipc/app-info'
import type { EventLog } from '../event-log'
import { APP_ENTRY_URL, APP_ORIGIN } from './app-protocol'
import { OUT_OF_ORDER_PAGE, type OutOfOrderReason } from './out-of-order'
import { createKioskWindow } from './window-options'

export const OUT_OF_ORDER_URL = `${APP_ORIGIN}${OUT_OF_ORDER_PAGE}`

export interface AppWindowOptions {
  packaged: boolean
  /** Called before each page main loads: events wait for the new page to say it is ready. */
  pageGoing(): void
}

/**
 * The kiosk's one window and the pages it may show: Welcome (the app) or the static "out of order,
 * please see the counter" page, with a reason for IT when there is one. A failed load is logged,
 * never left as an unhandled rejection (which start-failure.ts would treat as a broken main
 * process).
 */
export function createAppWindow(
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  mode: KioskMode,
  preloadPath: string,
  log: EventLog,
  options: AppWindowOptions,
) {
  const window = createKioskWindow(Window, mode, preloadPath, options.packaged)
  window.once('ready-to-show', () => window.show())
  const load = (url: string) => {
    options.pageGoing()
    return window.loadURL(url).catch((error: unknown) => {
      log.warn('window.load_failed', { error: error instanceof Error ? error.name : 'unknown' })
    })
  }
  return {
    window,
    showWelcome: () => load(APP_ENTRY_URL),
    showOutOfOrder: (reason?: OutOfOrderReason) => {
      void load(reason ? `${OUT_OF_ORDER_URL}?reason=${reason}` : OUT_OF_ORDER_URL)
      window.show()
    },
  }
}

export type AppWindow = ReturnType<typeof createAppWindow>
