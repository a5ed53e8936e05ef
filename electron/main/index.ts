import {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  session,
} from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EVENT_CHANNEL } from '@shared/ipc/channels'
import { isCliInvocation, runCli } from './cli'
import { loadConfig } from './config/load'
import { readConfigFile } from './config/read-config-file'
import { createEventLog, type EventLog } from './event-log'
import { createKioskCore } from './kiosk-core'
import { registerMailLinkSources } from './links/mail-link-sources'
import { createFileEventLog } from './log'
import { createKeytarStore } from './secrets/keytar-store'
import { withKeychainTimeout } from './secrets/timed-secret-store'
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './shell/app-protocol'
import { createBrowserDataClearer } from './shell/browser-data'
import { chromiumSandboxOff, kioskMayRun } from './shell/chromium-sandbox'
import { refuseClientCertificates } from './shell/client-certificates'
import { setupDisplayWake } from './shell/display-wake'
import { hardenWebContents } from './shell/hardening'
import { setupIpcBridge } from './shell/ipc-bridge'
import { createKioskWindows, type KioskWindows } from './shell/kiosk-window'
import { setupRendererWatchdog } from './shell/renderer-watchdog'
import { setupRestartWindow } from './shell/restart-window'
import { withInstallerOwnedScheme } from './shell/scheme-registration'
import { setupSpeechOutput } from './shell/speech-output'
import {
  createStartFailureHandler,
  failedStartsBefore,
  fileCountInARow,
} from './shell/start-failure'
import { isSupervised, leaveForRunningKiosk, stepAsideForSupervised } from './shell/supervision'
import { hashStaffPin } from './staff/pin'
import { fileStaffAttempts } from './staff/staff-attempts'
import { DEMO_STAFF_PIN, DEMO_STAFF_PIN_VAR, prepareStartup } from './startup'

const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url))
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
/** A person at the terminal may have to answer a keychain prompt: longer than start-up's 5 s. */
const CLI_KEYCHAIN_TIMEOUT_MS = 30_000

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
setupSpeechOutput(app.commandLine, process.platform)

if (isCliInvocation(process.argv)) runCliInElectron()
else if (!app.requestSingleInstanceLock()) {
  // Another kiosk is running: it receives our argv (and any mail link) through 'second-instance'.
  leaveForRunningKiosk(app, process.argv, { setTimeout, setImmediate }, () => {
    const losses = lockLosses()
    const inARow = losses.take(Date.now()) + 1
    losses.write(inARow, Date.now())
    return inARow
  })
} else startKiosk()

/** A supervised kiosk's counts of what came just before it (start-failure.ts, supervision.ts). */
function lockLosses() {
  return fileCountInARow(join(app.getPath('userData'), 'lock-losses.json'))
}

/**
 * The account service through Chromium's network stack (OS proxy/PAC, OS certificate store), in a
 * session of its own: the renderer's session is wiped between people, and no cookie of the
 * service's should sit beside the page's.
 */
function accountServiceFetch() {
  const serviceSession = session.fromPartition('account-service', { cache: false })
  return serviceSession.fetch.bind(serviceSession)
}

function runCliInElectron() {
  // --check reaches the service as the kiosk does, and says when a server asked for a certificate.
  refuseClientCertificates(app, createEventLog({ write: (_level, line) => console.error(line) }))
  // net.fetch is only there once the app is ready.
  app
    .whenReady()
    .then(() =>
      runCli(process.argv, {
        secrets: withKeychainTimeout(createKeytarStore(), CLI_KEYCHAIN_TIMEOUT_MS),
        fetch: accountServiceFetch(),
        sandboxOff: chromiumSandboxOff(app.commandLine),
      }),
    )
    .then(
      (code) => app.exit(code),
      () => app.exit(1),
    )
}

/** Everything before 'ready': the log, failure handling, mail-link doors, web contents hardening. */
function startKiosk() {
  const { events: log } = createFileEventLog()
  const windows = createKioskWindows({
    app,
    BrowserWindow,
    Menu,
    // A getter: the default session exists only once the app is ready.
    get session() {
      return session.defaultSession
    },
    protocol,
    rendererRoot,
    preloadPath,
    packaged: app.isPackaged,
    platform: process.platform,
    log,
  })
  const failedStarts = fileCountInARow(join(app.getPath('userData'), 'failed-starts.json'))
  // Read once, and cleared, as this process starts: a start that goes on ends the row.
  const failedBefore = failedStartsBefore(process.argv, failedStarts, Date.now())
  if (isSupervised(process.argv)) lockLosses().take(Date.now())
  const failed = createStartFailureHandler({
    app,
    argv: process.argv,
    platform: process.platform,
    env: process.env,
    failedBefore,
    failedStarts,
    log,
    showOutOfOrder: (reason) => void app.whenReady().then(() => windows.showOutOfOrder(reason)),
  })
  process.on('uncaughtException', (error) => failed('uncaught', error))
  process.on('unhandledRejection', (error) => failed('unhandled_rejection', error))

  // Links that arrive before the core exists are queued, not lost.
  const earlyLinks: string[] = []
  let receiveLink: (raw: string) => void = (raw) => {
    earlyLinks.push(raw)
  }
  registerMailLinkSources(
    withInstallerOwnedScheme(app, process.platform),
    process,
    (raw) => receiveLink(raw),
    (argv) => {
      if (stepAsideForSupervised(app, process.argv, argv, log, { setImmediate })) return
      const window = windows.current()?.window
      if (window?.isMinimized()) window.restore()
      window?.focus()
    },
  )
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log))
  refuseClientCertificates(app, log)
  app.on('window-all-closed', () => app.quit())

  app
    .whenReady()
    .then(() =>
      openKiosk(log, windows, failedBefore, (handle) => {
        receiveLink = handle
        for (const link of earlyLinks.splice(0)) handle(link)
      }),
    )
    .catch((error: unknown) => failed('start', error))
}

/** After 'ready': start-up decisions, then one `setupX()` per concern, in order. */
async function openKiosk(
  log: EventLog,
  windows: KioskWindows,
  failedBefore: number,
  connectLinks: (handle: (raw: string) => void) => void,
) {
  const keychain = withKeychainTimeout(createKeytarStore())
  const environment = {
    argv: process.argv,
    env: process.env,
    platform: process.platform,
    readFile: readConfigFile,
  }
  const startup = await prepareStartup(environment, keychain)
  const { mode } = startup.config
  log.info('kiosk.start', { mode, demo: startup.demo, problems: startup.problems?.length ?? 0 })
  if (!kioskMayRun(app.commandLine, startup.config)) {
    log.error('kiosk.sandbox_off')
    return windows.showOutOfOrder('sandbox_off', mode)
  }

  const appWindow = windows.open(mode)
  const { window } = appWindow
  const contents = window.webContents

  const core = createKioskCore({
    config: startup.config,
    configSource: startup.configSource,
    ...(startup.problems ? { configProblems: startup.problems } : {}),
    demo: startup.demo,
    version: app.getVersion(),
    electronVersion: process.versions.electron,
    deviceToken: startup.deviceToken,
    appOrigin: APP_ORIGIN,
    log,
    ...(startup.demo
      ? { demoStaffPinHash: await hashStaffPin(process.env[DEMO_STAFF_PIN_VAR] ?? DEMO_STAFF_PIN) }
      : { secretStore: keychain }),
    sendEvent: (event) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event)
    },
    clearBrowserData: createBrowserDataClearer(session.defaultSession, clipboard),
    quit: appWindow.quitByStaff,
    // A crash or restart of main must not reset the count of wrong PINs.
    staffAttempts: fileStaffAttempts(join(app.getPath('userData'), 'staff-attempts.json'), log),
    clientOverrides: { fetch: accountServiceFetch() },
    relaunchCount: failedBefore,
    // A config pushed broken shows in the fleet table before the next restart would reveal it.
    configStillValid: () => loadConfig(environment).kind !== 'invalid',
    rendererMemoryMiB: async () => {
      if (contents.isDestroyed()) return undefined
      const pid = contents.getOSProcessId()
      const renderer = app.getAppMetrics().find((metric) => metric.pid === pid)
      return renderer && renderer.memory.workingSetSize / 1024
    },
  })

  // Before any page loads: the kiosk page's preload asks `app.info` as it runs (preload/api.ts).
  setupIpcBridge(ipcMain, core.router)
  windows.connect({
    staffRequested: () => core.events.emit({ type: 'staffRequested' }),
    pageGoing: () => core.events.notReady(),
  })
  setupRendererWatchdog(window, contents, {
    log,
    crashGuard: core.crashGuard,
    wipeAfterCrash: () => void core.wiper.wipe('renderer_crash'),
    reloadWelcome: () => void appWindow.showWelcome(),
    showOutOfOrder: appWindow.showOutOfOrder,
    rendererGoing: () => core.events.notReady(),
  })
  setupDisplayWake(powerSaveBlocker, startup.config.display, log)
  connectLinks((raw) => core.intake.handleMailLink(raw))
  // Without a device token (the set-up screen is showing) the service would not know the kiosk.
  if (!startup.problems) core.heartbeat.start()
  setupRestartWindow(app, process, core, startup.config.maintenance, log)

  await appWindow.showWelcome()
}
