import type { KioskMode } from '@shared/ipc/app-info'
import type { EventLog } from '../event-log'

type Listener = (event: { preventDefault(): void }) => void

/** The few `app` members the quit policy uses (a recording fake stands in for them in tests). */
export interface QuitApp {
  on(event: 'before-quit', listener: Listener): unknown
  quit(): void
}

export interface QuitWindow {
  on(event: 'close' | 'session-end', listener: Listener): unknown
  setClosable(closable: boolean): void
}

/**
 * Who may close the kiosk (docs/deployment.md): the OS — SIGTERM, SIGINT, SIGHUP, macOS logout,
 * Windows shutdown or logoff — and staff; never a person at the screen (Alt+F4, a close button).
 *
 * Every OS path goes through `app.quit()`, which emits `before-quit` and then closes each window
 * (shell/browser/browser.cc, Browser::Quit; the POSIX signals reach it through
 * electron_browser_main_parts_posix.cc). A window whose `close` is prevented cancels the whole quit
 * (Browser::OnWindowCloseCancelled), and so does a window that is not closable
 * (NativeWindowViews::Close / NativeWindowMac::Close): `before-quit` lifts both. A person's close
 * comes without `before-quit` and is refused. Windows ends a session with WM_ENDSESSION and kills
 * the process right after `session-end`: quit then, so the log is flushed.
 */
export function setupQuitPolicy(
  app: QuitApp,
  window: QuitWindow,
  mode: KioskMode,
  log: EventLog,
): { quitByStaff(): void } {
  let quitting = false
  app.on('before-quit', () => {
    quitting = true
    window.setClosable(true)
  })
  window.on('session-end', () => {
    log.info('kiosk.session_end')
    app.quit()
  })
  window.on('close', (event) => {
    if (mode === 'kiosk' && !quitting) {
      event.preventDefault()
      log.warn('kiosk.close_refused')
    }
  })
  return { quitByStaff: () => app.quit() }
}
