import type { AppInfo } from '../../../shared/ipc/app-info'
import type { WipeReason } from '../../../shared/ipc/events'
import type { AccountClient } from '../account/http-client'
import type { EventLog } from '../event-log'
import type { KioskState } from '../kiosk-state'
import type { StaffGate } from '../staff/staff-gate'

/** Everything the IPC handlers need; Electron-free, so the browser harness builds the same set. */
export interface HandlerDeps {
  client: AccountClient
  state: KioskState
  log: EventLog
  appInfo(): AppInfo
  portalHost: string
  newIdempotencyKey(): string
  wipe(reason: WipeReason, options?: { keepPendingLink?: boolean }): Promise<void>
  rendererReady(): void
  staff: StaffGate
  keychainStatus(): Promise<'available' | 'unavailable' | 'not_used_in_demo'>
  setDefaultLocale(locale: AppInfo['defaultLocale']): void
  quit(): void
}
