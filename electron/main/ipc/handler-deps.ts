import type { AppInfo } from '@shared/ipc/app-info'
import type { StaffStatus } from '@shared/ipc/contract'
import type { WipeReason } from '@shared/ipc/events'
import type { AccountClient } from '../account/http-client'
import type { EventLog } from '../event-log'
import type { KioskState } from '../kiosk-state'
import type { StaffGate } from '../staff/staff-gate'

/** What only staff may read about this kiosk (`staff.status`), beside the service's health. */
export type KioskFacts = Pick<
  StaffStatus,
  'kioskId' | 'version' | 'configSource' | 'mode' | 'allowQuit'
>

/** Everything the IPC handlers need; Electron-free, so the browser harness builds the same set. */
export interface HandlerDeps {
  client: AccountClient
  state: KioskState
  log: EventLog
  /** What the public screens show, and nothing more. */
  appInfo(): AppInfo
  kioskFacts(): KioskFacts
  portalHost: string
  newIdempotencyKey(): string
  wipe(reason: WipeReason, options?: { keepPendingLink?: boolean }): Promise<void>
  rendererReady(): void
  staff: StaffGate
  keychainStatus(): Promise<StaffStatus['keychain']>
  setDefaultLocale(locale: AppInfo['defaultLocale']): void
  quit(): void
  /** Someone touched the screen (the restart window waits for a quiet kiosk). */
  activity(): void
}
