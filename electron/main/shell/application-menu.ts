import type { MenuItemConstructorOptions } from 'electron'
import type { KioskMode } from '@shared/ipc/app-info'

/**
 * The application menu, replacing Electron's default one (lib/browser/default-menu.ts), whose View
 * menu reloads, zooms, goes full screen and opens DevTools: at a registrar's desk that would hand
 * anyone DevTools and `window.kiosk` with the signed-in staff session. What stays is editing
 * (copy and paste of an address or a code). macOS needs it as a menu — its key equivalents come
 * from the menu bar, so without one Cmd+V pastes nothing — and takes the first entry as the app
 * menu. Windows and Linux edit without a menu: a kiosk there has none at all.
 */
export function applicationMenuTemplate(
  mode: KioskMode,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] | null {
  if (platform === 'darwin')
    return [
      mode === 'kiosk' ? { role: 'appMenu', submenu: [{ role: 'about' }] } : { role: 'appMenu' },
      { role: 'editMenu' },
    ]
  return mode === 'kiosk' ? null : [{ role: 'editMenu' }]
}
