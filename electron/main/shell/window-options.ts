import type { BrowserWindowConstructorOptions } from 'electron'
import type { KioskMode } from '../../../shared/ipc/app-info'

/**
 * The window of the kiosk (Electron security checklist items 2–4 and 6): sandboxed, isolated, no
 * Node in the page, web security on, no webview, no spellcheck service, devtools only in counter
 * mode. `kiosk` mode is a full-screen kiosk window with no menu.
 */
export function kioskWindowOptions(
  mode: KioskMode,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 900,
    show: false,
    backgroundColor: '#f3f5f8',
    autoHideMenuBar: true,
    ...(mode === 'kiosk' ? { kiosk: true, fullscreen: true, frame: false, closable: false } : {}),
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: mode === 'counter',
      safeDialogs: true,
    },
  }
}
