import { randomUUID } from 'node:crypto'
import type { KioskEvent } from '@shared/ipc/events'
import type { AppInfo } from '@shared/ipc/app-info'
import type { StaffStatus } from '@shared/ipc/contract'
import type { Locale } from '@shared/locales'
import { createAccountClient, type AccountClientOptions } from './account/http-client'
import type { KioskConfig } from './config/schema'
import { createEventChannel } from './event-channel'
import type { EventLog } from './event-log'
import type { KioskFacts } from './ipc/handler-deps'
import { createHandlers } from './ipc/handlers'
import { createIpcRouter } from './ipc/router'
import { createHumanSpeedLimiter } from './ipc/human-speed'
import { createKioskState, linkPending } from './kiosk-state'
import { createMailLinkIntake } from './links/mail-link-intake'
import { createHeartbeat } from './fleet/heartbeat'
import { createActivityTracker } from './maintenance/activity'
import { createCrashGuard } from './shell/crash-guard'
import { resolveMailLink } from './links/resolve-link'
import type { SecretStore } from './secrets/secret-store'
import { verifyStaffPin } from './staff/pin'
import { memoryStaffAttempts, type StaffAttemptStore } from './staff/staff-attempts'
import { createStaffGate } from './staff/staff-gate'
import { createWiper } from './wipe'

export interface KioskCoreOptions {
  config: KioskConfig
  configSource: string
  configProblems?: string[]
  demo: boolean
  version: string
  deviceToken: string
  appOrigin: string
  log: EventLog
  sendEvent(event: KioskEvent): void
  clearBrowserData(): Promise<void>
  /** Undefined in the demo, which keeps no secrets. */
  secretStore?: SecretStore
  /** The demo's staff PIN hash, since the demo has no keychain. */
  demoStaffPinHash?: string
  quit(): void
  /** Where staff PIN attempts are counted across restarts; main's memory if not given. */
  staffAttempts?: StaffAttemptStore
  now?: () => number
  clientOverrides?: Partial<AccountClientOptions>
  /** When this main process started (the heartbeat's uptime, the restart window). */
  startedAt?: number
  /** The renderer's memory, for the heartbeat (Electron's process metrics; the harness's heap). */
  rendererMemoryMiB?: () => Promise<number | undefined>
  /** Whether the config file on disk still validates (read again at each heartbeat). */
  configStillValid?: () => boolean
  /** Main-process failures that relaunched the kiosk just before this start. */
  relaunchCount?: number
  /** `process.versions.electron` in Electron; absent in the browser harness (fleet console). */
  electronVersion?: string
}

/**
 * Everything main does that is not Electron: state, HTTP client, IPC handlers and router, mail
 * links, staff gate and wipe. `index.ts` connects it to Electron; the browser harness connects it
 * to Playwright. Both run this same object.
 */
export function createKioskCore(options: KioskCoreOptions) {
  const now = options.now ?? (() => Date.now())
  const state = createKioskState()
  const client = createAccountClient({
    baseUrl: options.config.serviceUrl,
    deviceToken: options.deviceToken,
    ...options.clientOverrides,
  })
  const events = createEventChannel(options.sendEvent)
  const portalHost = new URL(options.config.portalUrl).hostname
  let defaultLocale: Locale = options.config.defaultLocale

  const staff = createStaffGate({
    now,
    attempts: options.staffAttempts ?? memoryStaffAttempts(),
    checkPin: async (pin) => {
      const stored = options.secretStore
        ? await options.secretStore.get('staff-pin-hash').catch(() => undefined)
        : options.demoStaffPinHash
      return stored !== undefined && verifyStaffPin(pin, stored)
    },
  })

  const crashGuard = createCrashGuard(now)
  const activity = createActivityTracker(now)
  const startedAt = options.startedAt ?? now()

  const keychainStatus = async (): Promise<StaffStatus['keychain']> => {
    if (!options.secretStore) return 'not_used_in_demo'
    try {
      await options.secretStore.get('device-token')
      return 'available'
    } catch {
      return 'unavailable'
    }
  }

  const wiper = createWiper({
    state,
    client,
    events,
    log: options.log,
    clearBrowserData: options.clearBrowserData,
    leaveStaffMode: () => staff.leave(),
  })

  const appInfo = (): AppInfo => ({
    demo: options.demo,
    defaultLocale,
    institution: options.config.institution,
    portalUrl: options.config.portalUrl,
    onScreenKeyboard: options.config.onScreenKeyboard,
    idle: options.config.idle,
    accentColor: options.config.branding.accentColor,
    accessibility: options.config.accessibility,
    counterDesk: options.config.mode === 'counter',
    ...(options.configProblems
      ? { configError: { source: options.configSource, problems: options.configProblems } }
      : {}),
  })

  const kioskFacts = (): KioskFacts => ({
    version: options.version,
    kioskId: options.config.kioskId,
    mode: options.config.mode,
    configSource: options.configSource,
    allowQuit: options.config.staff.allowQuit,
  })

  // A link from the OS is for whoever is at the kiosk next: it waits for the renderer to follow it.
  const intake = createMailLinkIntake({
    emit: events.emit,
    resolve: async (raw): Promise<KioskEvent> => {
      await wiper.settled()
      const resolution = await resolveMailLink(raw, { client, log: options.log, portalHost })
      if (resolution.ok) {
        linkPending(state, resolution.link)
        return { type: 'mailLink', link: resolution.info }
      }
      return {
        type: 'mailLinkFailed',
        code: 'rejection' in resolution ? resolution.rejection : resolution.error.code,
      }
    },
  })

  const handlers = createHandlers({
    client,
    state,
    log: options.log,
    appInfo,
    kioskFacts,
    portalHost,
    newIdempotencyKey: () => randomUUID(),
    wipe: wiper.wipe,
    rendererReady: () => {
      events.ready()
      void intake.start()
    },
    staff,
    keychainStatus,
    activity: () => activity.touch(),
    setDefaultLocale: (locale) => {
      defaultLocale = locale
    },
    quit: options.quit,
  })

  const router = createIpcRouter({
    appOrigin: options.appOrigin,
    handlers,
    log: options.log,
    humanSpeed: createHumanSpeedLimiter({ now, log: options.log }),
  })

  const heartbeat = createHeartbeat({
    health: async () => {
      const memory = await options.rendererMemoryMiB?.().catch(() => undefined)
      return {
        kioskId: options.config.kioskId,
        version: options.version,
        mode: options.config.mode,
        configSource: options.demo ? 'demo' : 'file',
        configValid: options.configStillValid?.() ?? options.configProblems === undefined,
        keychain: await keychainStatus(),
        crashesLastHour: crashGuard.crashesInLastHour() + (options.relaunchCount ?? 0),
        ...(memory !== undefined ? { rendererMemoryMiB: Math.round(memory * 10) / 10 } : {}),
        ...(options.electronVersion ? { electronVersion: options.electronVersion } : {}),
        ...(lastWipeAt !== undefined
          ? { secondsSinceWipe: Math.max(0, Math.floor((now() - lastWipeAt) / 1000)) }
          : {}),
      }
    },
    checkService: () => client.health(),
    send: (beat) => client.heartbeat(beat),
    now,
    startedAt,
    log: options.log,
  })
  // After a wipe (and so after a renderer crash, which wipes), the fleet hears at once, and the
  // console shows when the kiosk last wiped.
  let lastWipeAt: number | undefined
  wiper.onWiped(() => {
    lastWipeAt = now()
    void heartbeat.beat()
  })

  /** Nobody at the kiosk: no touch for an idle period, nothing of a person in main, no staff. */
  const isIdle = () => {
    const { warnAfterSeconds, graceSeconds } = options.config.idle
    return (
      activity.quietFor() >= (warnAfterSeconds + graceSeconds) * 1000 &&
      Object.keys(state.person).length === 0 &&
      !staff.isOpen()
    )
  }

  return {
    state,
    client,
    events,
    router,
    intake,
    wiper,
    appInfo,
    staff,
    crashGuard,
    heartbeat,
    isIdle,
    startedAt,
  }
}

export type KioskCore = ReturnType<typeof createKioskCore>
