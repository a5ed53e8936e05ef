import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { applicationMenuTemplate } from '@main/shell/application-menu'
import { serveAppRequest } from '@main/shell/app-protocol'
import { chromiumSandboxOff, kioskMayRun } from '@main/shell/chromium-sandbox'
import { createKioskWindows } from '@main/shell/kiosk-window'

type Listener = (...args: never[]) => void

/** A recording stand-in for an Electron emitter: fires listeners with a preventable event. */
class RecordingEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener)
  }
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false
    const object = { preventDefault: () => (prevented = true) }
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => void)(object, ...args)
    return prevented
  }
}

class RecordingContents extends RecordingEmitter {
  setWindowOpenHandler() {}
  setVisualZoomLevelLimits() {
    return Promise.resolve()
  }
}

const happened: string[] = []

class RecordingWindow extends RecordingEmitter {
  static last: RecordingWindow
  readonly webContents = new RecordingContents()
  closable: boolean
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    this.closable = options.closable ?? true
    RecordingWindow.last = this
  }
  setClosable(closable: boolean) {
    this.closable = closable
  }
  loadURL(url: string) {
    happened.push(`load ${url}`)
    return Promise.resolve()
  }
  show() {}
}

function shell(platform: NodeJS.Platform = 'linux') {
  const app = Object.assign(new RecordingEmitter(), { quit: () => undefined })
  const recorded = { menu: undefined as unknown, sessionHandlers: 0 }
  const windows = createKioskWindows({
    app,
    BrowserWindow: RecordingWindow as never,
    Menu: {
      setApplicationMenu: (menu) => (recorded.menu = menu),
      buildFromTemplate: (template) => ({ template }) as never,
    },
    session: {
      setPermissionRequestHandler: () => recorded.sessionHandlers++,
      setPermissionCheckHandler: () => recorded.sessionHandlers++,
      setDevicePermissionHandler: () => recorded.sessionHandlers++,
    } as never,
    protocol: { isProtocolHandled: () => false, handle: () => undefined },
    rendererRoot: '/renderer',
    preloadPath: '/preload/index.cjs',
    packaged: true,
    platform,
    log: createEventLog({ write: () => undefined }),
  })
  return { app, windows, recorded }
}

/** Electron's quit (shell/browser/browser.cc): before-quit, then each window must close. */
function electronQuit(app: RecordingEmitter, window: RecordingWindow) {
  if (app.fire('before-quit')) return 'cancelled'
  if (!window.closable) return 'cancelled'
  return window.fire('close') ? 'cancelled' : 'quit'
}

const ctrlR = {
  type: 'keyDown',
  key: 'r',
  code: 'KeyR',
  control: true,
  meta: false,
  alt: false,
  shift: false,
}

describe('every kiosk window goes through the same set-up', () => {
  it('the out-of-order page after failed starts still lets SIGTERM, logout and taskkill quit', () => {
    const { app, windows } = shell()
    windows.showOutOfOrder()
    const window = RecordingWindow.last
    expect(window.options.closable).toBe(false)
    expect(window.fire('close')).toBe(true)
    expect(electronQuit(app, window)).toBe('quit')
  })

  it('…and has no menu, a hardened session and the kiosk shortcuts refused', () => {
    const { windows, recorded } = shell()
    windows.showOutOfOrder()
    expect(recorded.menu).toBeNull()
    expect(recorded.sessionHandlers).toBe(3)
    expect(RecordingWindow.last.webContents.fire('before-input-event', ctrlR)).toBe(true)
  })

  it('the kiosk and an out-of-order page later share the one window', () => {
    const { windows } = shell()
    const kiosk = windows.open('kiosk')
    windows.showOutOfOrder('sandbox_off')
    expect(windows.current()).toBe(kiosk)
    expect(happened.at(-1)).toBe('load app://kiosk/out-of-order.html?reason=sandbox_off')
  })

  it('a page main loads holds events until it says it is ready', async () => {
    const { windows } = shell()
    windows.connect({ staffRequested: () => undefined, pageGoing: () => happened.push('going') })
    await windows.open('kiosk').showWelcome()
    expect(happened.slice(-2)).toEqual(['going', 'load app://kiosk/index.html'])
  })

  it('the staff shortcut reaches whatever main connected later', () => {
    const { windows } = shell()
    windows.open('counter')
    let staff = 0
    windows.connect({ staffRequested: () => staff++, pageGoing: () => undefined })
    RecordingWindow.last.webContents.fire('before-input-event', {
      ...ctrlR,
      key: 'S',
      code: 'KeyS',
      alt: true,
      shift: true,
    })
    expect(staff).toBe(1)
  })
})

describe('packaged counter mode: no DevTools, no default menu', () => {
  const ESCAPES = new Set([
    'reload',
    'forceReload',
    'toggleDevTools',
    'resetZoom',
    'zoomIn',
    'zoomOut',
    'togglefullscreen',
    'viewMenu',
    'fileMenu',
    'windowMenu',
  ])
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ])

  it('the window has no DevTools and the menu neither reloads, zooms nor opens DevTools', () => {
    const { windows, recorded } = shell('win32')
    windows.open('counter')
    expect(RecordingWindow.last.options.webPreferences?.devTools).toBe(false)
    const { template } = recorded.menu as { template: MenuItemConstructorOptions[] }
    expect(roles(template)).toEqual(['editMenu'])
  })

  it.each(['linux', 'win32', 'darwin'] as const)('on %s, in both modes, editing only', (os) => {
    for (const mode of ['kiosk', 'counter'] as const) {
      const used = roles(applicationMenuTemplate(mode, os) ?? [])
      expect(
        used.filter((role) => ESCAPES.has(role)),
        `${mode}`,
      ).toEqual([])
    }
    // macOS takes its key equivalents (Cmd+V) from the menu: a kiosk there keeps Edit.
    expect(roles(applicationMenuTemplate('kiosk', 'darwin')!)).toContain('editMenu')
  })
})

describe("Chromium's sandbox off: the kiosk refuses, with a reason IT can act on", () => {
  const commandLine = (...switches: string[]) => ({
    hasSwitch: (name: string) => switches.includes(name),
  })

  it('--no-sandbox (also what ELECTRON_DISABLE_SANDBOX adds) stops the kiosk', () => {
    expect(chromiumSandboxOff(commandLine('no-sandbox'))).toBe(true)
    expect(kioskMayRun(commandLine('no-sandbox'), { runWithoutChromiumSandbox: false })).toBe(false)
    expect(kioskMayRun(commandLine(), { runWithoutChromiumSandbox: false })).toBe(true)
  })

  it('only the config switch named for it lets the kiosk run without the sandbox', () => {
    expect(kioskMayRun(commandLine('no-sandbox'), { runWithoutChromiumSandbox: true })).toBe(true)
  })

  it('the out-of-order page names the reason, in both languages; other pages and names add nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'renderer-'))
    const page = '<html><body><main><h1>Borne hors service</h1></main></body></html>'
    writeFileSync(join(root, 'out-of-order.html'), page)
    writeFileSync(join(root, 'index.html'), page)
    const served = (url: string) => serveAppRequest(url, root).then((response) => response.text())
    const withReason = await served('app://kiosk/out-of-order.html?reason=sandbox_off')
    expect(withReason).toContain('<h2 lang="en-CA">For IT</h2>')
    expect(withReason).toContain('sandbox is off (started with --no-sandbox')
    expect(withReason).toContain('Le bac à sable de Chromium est désactivé')
    expect(await served('app://kiosk/out-of-order.html?reason=toString')).toBe(page)
    expect(await served('app://kiosk/out-of-order.html?reason=<script>')).toBe(page)
    expect(await served('app://kiosk/index.html?reason=sandbox_off')).toBe(page)
  })
})
