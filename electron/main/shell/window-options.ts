import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import type { KioskMode } from '../../../shared/ipc/app-info'

const modeOptions = (mode: KioskMode): BrowserWindowConstructorOptions =>
  mode === 'kiosk' ? { kiosk: true, fullscreen: true, frame: false, closable: false } : {}

/**
 * The kiosk's window (Electron security checklist items 2–4 and 6): sandboxed, isolated, no Node
 * in the page, web security on, no webview, no middle-click windows, no spellcheck service,
 * devtools only in counter mode; `kiosk` mode is a full-screen kiosk window with no menu. The
 * preferences are written in the constructor call itself so static checkers (electronegativity)
 * see them.
 */
export function createKioskWindow<W = BrowserWindow>(
  Window: new (options: BrowserWindowConstructorOptions) => W,
  mode: KioskMode,
  preloadPath: string,
): W {
  return new Window({
    width: 1280,
    height: 900,
    show: false,
    backgroundColor: '#f3f5f8',
    autoHideMenuBar: true,
    ...modeOptions(mode),
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
      disableBlinkFeatures: 'Auxclick',
      devTools: mode === 'counter',
      safeDialogs: true,
    },
  })
}
