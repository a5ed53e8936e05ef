import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import type { KioskMode } from '@shared/ipc/app-info'

/**
 * `kiosk: true` alone: it is full screen already, and on macOS `fullscreen` beside it makes a
 * second, competing full-screen transition. `closable: false` keeps the close button away; the
 * quit policy (quit-policy.ts) makes it closable again when the OS asks the kiosk to quit. Since
 * Electron 43 a frameless window gets rounded corners on Linux too (docs/breaking-changes.md,
 * "Rounded corners on Linux"): a kiosk fills the screen to its corners.
 */
const modeOptions = (mode: KioskMode): BrowserWindowConstructorOptions =>
  mode === 'kiosk' ? { kiosk: true, frame: false, closable: false, roundedCorners: false } : {}

/**
 * The kiosk's window (Electron security checklist items 2–4 and 6): sandboxed, isolated, no Node
 * in the page, web security on, no webview, no middle-click windows, no spellcheck service;
 * DevTools only at a counter run from source (`npm start`), never in a packaged kiosk. The
 * preferences are written in the constructor call itself so static checkers (electronegativity)
 * see them.
 */
export function createKioskWindow<W = BrowserWindow>(
  Window: new (options: BrowserWindowConstructorOptions) => W,
  mode: KioskMode,
  preloadPath: string,
  packaged: boolean,
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
      devTools: mode === 'counter' && !packaged,
      safeDialogs: true,
    },
  })
}
