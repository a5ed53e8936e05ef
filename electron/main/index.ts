import { app, BrowserWindow, clipboard, ipcMain, Menu, protocol, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EVENT_CHANNEL, ipcChannels } from '../../shared/ipc/channels'
import { runCli, isCliInvocation } from './cli'
import { readConfigFile } from './config/read-config-file'
import { createKioskCore, type KioskCore } from './kiosk-core'
import { registerMailLinkSources } from './links/mail-link-sources'
import { createFileEventLog } from './log'
import { createKeytarStore } from './secrets/keytar-store'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  serveAppRequest,
} from './shell/app-protocol'
import { createCrashGuard } from './shell/crash-guard'
import { hardenSession, hardenWebContents } from './shell/hardening'
import { classifyShortcut } from './shell/shortcuts'
import { createKioskWindow } from './shell/window-options'
import { hashStaffPin } from './staff/pin'
import { fileStaffAttempts } from './staff/staff-attempts'
import { DEMO_STAFF_PIN, DEMO_STAFF_PIN_VAR, prepareStartup } from './startup'

const UNRESPONSIVE_RELOAD_MS = 10_000
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url))
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

if (isCliInvocation(process.argv)) {
  void runCli(process.argv, { secrets: createKeytarStore() }).then((code) => app.exit(code))
} else if (!app.requestSingleInstanceLock()) {
  // Another kiosk is running: it receives our argv (and any mail link) through 'second-instance'.
  app.quit()
} else {
  startKiosk()
}

function startKiosk() {
  const { events: log } = createFileEventLog()
  const earlyLinks: string[] = []
  let core: KioskCore | undefined
  let window: BrowserWindow | undefined
  let quitting = false
  const receiveLink = (raw: string) =>
    core ? core.intake.handleMailLink(raw) : earlyLinks.push(raw)

  registerMailLinkSources(app, process, receiveLink, () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log))
  process.on('uncaughtException', (error) => {
    log.error('main.uncaught', { error: error.name })
    app.relaunch()
    app.exit(1)
  })

  void app.whenReady().then(async () => {
    const secrets = createKeytarStore()
    const startup = await prepareStartup(
      {
        argv: process.argv,
        env: process.env,
        platform: process.platform,
        readFile: readConfigFile,
      },
      secrets,
    )
    log.info('kiosk.start', {
      mode: startup.config.mode,
      demo: startup.demo,
      problems: startup.problems?.length ?? 0,
    })

    hardenSession(session.defaultSession)
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererRoot))
    if (startup.config.mode === 'kiosk') Menu.setApplicationMenu(null)

    const win = createKioskWindow(BrowserWindow, startup.config.mode, preloadPath)
    window = win
    const contents = win.webContents
    core = createKioskCore({
      config: startup.config,
      configSource: startup.configSource,
      ...(startup.problems ? { configProblems: startup.problems } : {}),
      demo: startup.demo,
      version: app.getVersion(),
      deviceToken: startup.deviceToken,
      appOrigin: APP_ORIGIN,
      log,
      ...(startup.demo
        ? {
            demoStaffPinHash: await hashStaffPin(process.env[DEMO_STAFF_PIN_VAR] ?? DEMO_STAFF_PIN),
          }
        : { secretStore: secrets }),
      sendEvent: (event) => {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event)
      },
      clearBrowserData: async () => {
        await session.defaultSession.clearStorageData()
        await session.defaultSession.clearCache()
        session.defaultSession.clearAuthCache()
        clipboard.clear()
      },
      quit: () => {
        quitting = true
        app.exit(0)
      },
      staffAttempts: fileStaffAttempts(join(app.getPath('userData'), 'staff-attempts.json'), log),
    })
    const kioskCore = core

    for (const channel of ipcChannels) {
      // senderFrame is read synchronously: it can be gone after an await.
      ipcMain.handle(channel, (event, payload: unknown) =>
        kioskCore.router.dispatch(channel, event.senderFrame, payload),
      )
    }

    contents.on('before-input-event', (event, input) => {
      const decision = classifyShortcut(input)
      if (decision === 'staff') {
        event.preventDefault()
        kioskCore.events.emit({ type: 'staffRequested' })
      } else if (decision === 'block' && startup.config.mode === 'kiosk') {
        event.preventDefault()
      }
    })
    if (startup.config.mode === 'kiosk')
      contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined)

    const reload = (url = APP_ENTRY_URL) => {
      kioskCore.events.notReady()
      void win.loadURL(url)
    }
    const crashGuard = createCrashGuard()
    contents.on('render-process-gone', (_event, details) => {
      log.error('renderer.gone', { reason: details.reason })
      void kioskCore.wiper.wipe('renderer_crash')
      const decision = crashGuard.recordCrash()
      if (decision.action === 'out_of_order') reload(`${APP_ORIGIN}/out-of-order.html`)
      else setTimeout(() => reload(), decision.delayMs)
    })
    let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined
    win.on('unresponsive', () => {
      log.warn('renderer.unresponsive')
      unresponsiveTimer = setTimeout(
        () => contents.forcefullyCrashRenderer(),
        UNRESPONSIVE_RELOAD_MS,
      )
    })
    win.on('responsive', () => clearTimeout(unresponsiveTimer))
    win.on('close', (event) => {
      if (startup.config.mode === 'kiosk' && !quitting) event.preventDefault()
    })
    win.once('ready-to-show', () => win.show())

    for (const link of earlyLinks.splice(0)) kioskCore.intake.handleMailLink(link)
    await win.loadURL(APP_ENTRY_URL)
  })

  app.on('window-all-closed', () => app.quit())
}
