import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Menu,
  MenuItemConstructorOptions,
} from 'electron'
import type { KioskMode } from '@shared/ipc/app-info'
import type { EventLog } from '../event-log'
import { applicationMenuTemplate } from './application-menu'
import { APP_SCHEME, serveAppRequest } from './app-protocol'
import { createAppWindow, type AppWindow } from './app-window'
import { hardenSession } from './hardening'
import type { OutOfOrderReason } from './out-of-order'
import { setupQuitPolicy, type QuitApp } from './quit-policy'
import { setupKioskShortcuts } from './shortcuts'

/** The Electron pieces every kiosk window is set up with (recording fakes in the tests). */
export interface KioskWindowShell {
  app: QuitApp
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  Menu: {
    setApplicationMenu(menu: Menu | null): void
    buildFromTemplate(template: MenuItemConstructorOptions[]): Menu
  }
  session: Parameters<typeof hardenSession>[0]
  protocol: {
    isProtocolHandled(scheme: string): boolean
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void
  }
  rendererRoot: string
  preloadPath: string
  packaged: boolean
  platform: NodeJS.Platform
  log: EventLog
}

/** What the rest of main plugs into a window once the core exists. */
export interface KioskWindowHooks {
  staffRequested(): void
  pageGoing(): void
}

export type KioskWindow = AppWindow & { quitByStaff(): void }

/**
 * The one place a kiosk window is opened — the kiosk's own, and the out-of-order page after failed
 * starts or with the sandbox off — so each one has, before it can show anything: the hardened
 * session, the menu for its mode (no default menu: no reload, zoom or DevTools), the quit policy
 * (a window that is not closable cancels the whole `app.quit()` of SIGTERM or logout otherwise:
 * quit-policy.ts; a `taskkill` without /F is WM_CLOSE, a close like Alt+F4's, which the policy
 * refuses), and the shortcut blocking. Main keeps at most one window.
 */
export function createKioskWindows(shell: KioskWindowShell) {
  const hooks: KioskWindowHooks = { staffRequested: () => undefined, pageGoing: () => undefined }
  let opened: KioskWindow | undefined

  function open(mode: KioskMode): KioskWindow {
    if (opened) return opened
    hardenSession(shell.session)
    const template = applicationMenuTemplate(mode, shell.platform)
    shell.Menu.setApplicationMenu(template && shell.Menu.buildFromTemplate(template))
    if (!shell.protocol.isProtocolHandled(APP_SCHEME))
      shell.protocol.handle(APP_SCHEME, (request) =>
        serveAppRequest(request.url, shell.rendererRoot),
      )
    const appWindow = createAppWindow(shell.BrowserWindow, mode, shell.preloadPath, shell.log, {
      packaged: shell.packaged,
      pageGoing: () => hooks.pageGoing(),
    })
    const { quitByStaff } = setupQuitPolicy(shell.app, appWindow.window, mode, shell.log)
    const contents = appWindow.window.webContents
    setupKioskShortcuts(contents, mode, () => hooks.staffRequested())
    if (mode === 'kiosk') contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined)
    opened = { ...appWindow, quitByStaff }
    return opened
  }

  return {
    open,
    current: (): KioskWindow | undefined => opened,
    connect(connected: KioskWindowHooks): void {
      Object.assign(hooks, connected)
    },
    /** The out-of-order page, in the kiosk's window, or a locked-down one opened for it. */
    showOutOfOrder(reason?: OutOfOrderReason, mode: KioskMode = 'kiosk'): void {
      open(mode).showOutOfOrder(reason)
    },
  }
}

export type KioskWindows = ReturnType<typeof createKioskWindows>
