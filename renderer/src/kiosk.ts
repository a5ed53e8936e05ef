import type { KioskApi } from '@shared/ipc/kiosk-api'

/** The bridge to main (`window.kiosk`), the renderer's only way out. */
export function kiosk(): KioskApi {
  return window.kiosk
}
