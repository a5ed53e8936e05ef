import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { APP_SCHEME_PRIVILEGES, resolveAppAsset, serveAppRequest } from '@main/shell/app-protocol'
import { createCrashGuard } from '@main/shell/crash-guard'
import { CONTENT_SECURITY_POLICY } from '@main/shell/csp'
import { hardenSession, hardenWebContents } from '@main/shell/hardening'
import { classifyShortcut, type KeyInput } from '@main/shell/shortcuts'
import type { BrowserWindowConstructorOptions } from 'electron'
import { createKioskWindow } from '@main/shell/window-options'

/** A recording stand-in for BrowserWindow: keeps the options it was built with. */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}
const kioskWindowOptions = (mode: 'kiosk' | 'counter', preload: string, packaged = true) =>
  createKioskWindow(RecordingWindow, mode, preload, packaged).options

describe('window options (Electron security checklist)', () => {
  for (const mode of ['kiosk', 'counter'] as const) {
    it(`${mode}: sandboxed, isolated, no Node, web security on, no webview`, () => {
      const prefs = kioskWindowOptions(mode, '/p/index.cjs').webPreferences!
      expect(prefs).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        preload: '/p/index.cjs',
      })
    })
  }

  it('kiosk mode is a full-screen kiosk window without devtools; counter mode a normal window', () => {
    const kiosk = kioskWindowOptions('kiosk', 'p')
    expect(kiosk).toMatchObject({ kiosk: true, webPreferences: { devTools: false } })
    // `kiosk` is full screen already; `fullscreen` beside it fights it on macOS.
    expect(kiosk.fullscreen).toBeUndefined()
    expect(kioskWindowOptions('counter', 'p').kiosk).toBeUndefined()
  })

  it('DevTools only at a counter run from source, never in a packaged kiosk or counter', () => {
    expect(kioskWindowOptions('counter', 'p', true).webPreferences?.devTools).toBe(false)
    expect(kioskWindowOptions('kiosk', 'p', false).webPreferences?.devTools).toBe(false)
    expect(kioskWindowOptions('counter', 'p', false).webPreferences?.devTools).toBe(true)
  })

  it('the frameless kiosk window has square corners (Electron 43 rounds them on Linux too)', () => {
    expect(kioskWindowOptions('kiosk', 'p')).toMatchObject({ frame: false, roundedCorners: false })
  })
})

describe('CSP', () => {
  it('is exactly the policy in docs/product.md', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('is sent as a header on every app:// response, found or not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'renderer-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html>')
    for (const url of ['app://kiosk/index.html', 'app://kiosk/missing.js']) {
      const response = await serveAppRequest(url, root)
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
  })
})

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'renderer-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'app.js'), 'x')

  it('is privileged as standard and secure, without bypassCSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true })
  })

  it('serves files of the renderer', () => {
    expect(resolveAppAsset('app://kiosk/', root)).toBe(join(root, 'index.html'))
    expect(resolveAppAsset('app://kiosk/assets/app.js', root)).toBe(join(root, 'assets', 'app.js'))
  })

  it.each([
    'app://kiosk/../../etc/passwd',
    'app://kiosk/assets/../../etc/passwd',
    'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
    'app://kiosk/..%2f..%2fetc%2fpasswd',
    'app://kiosk/assets%2fapp.js',
    'app://kiosk/assets%5capp.js',
    'app://kiosk/index.html%00.png',
    'app://kiosk/%E0%A4%A',
    'app://evil/index.html',
    'app://kiosk.evil/index.html',
    'file:///etc/passwd',
    'https://kiosk/index.html',
    'app://kiosk/secret.db',
    'app://kiosk/assets/app.js.map',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(url, root)).toBeUndefined()
  })
})

describe('session and web contents hardening (recording fakes)', () => {
  it('denies every permission request, check and device permission', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    hardenSession({
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    } as never)
    let granted: boolean | undefined
    ;(handlers.request as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
      {},
      'media',
      (ok) => (granted = ok),
    )
    expect(granted).toBe(false)
    expect((handlers.check as unknown as () => boolean)()).toBe(false)
    expect((handlers.device as unknown as () => boolean)()).toBe(false)
  })

  it('prevents every navigation, redirect, webview and new window', () => {
    const listeners: Record<string, (event: { preventDefault(): void }) => void> = {}
    let openHandler: (() => { action: string }) | undefined
    const lines: string[] = []
    hardenWebContents(
      {
        on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
          (listeners[event] = listener),
        setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
      } as never,
      createEventLog({ write: (_l, line) => lines.push(line) }),
    )
    for (const event of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]) {
      let prevented = false
      listeners[event]!({ preventDefault: () => (prevented = true) })
      expect(prevented, event).toBe(true)
    }
    expect(openHandler!()).toEqual({ action: 'deny' })
    expect(lines).toHaveLength(5)
  })
})

describe('kiosk shortcuts', () => {
  const codeOf = (k: string) =>
    /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : /^[0-9]$/.test(k) ? `Digit${k}` : k
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown',
    key: k,
    code: codeOf(k),
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  })
  it.each([
    [key('r', { control: true }), 'block'],
    [key('R', { control: true, shift: true }), 'block'],
    [key('F5'), 'block'],
    [key('F12'), 'block'],
    [key('i', { control: true, shift: true }), 'block'],
    [key('+', { control: true }), 'block'],
    [key('0', { meta: true }), 'block'],
    [key('q', { meta: true }), 'block'],
    [key('w', { control: true }), 'block'],
    [key('p', { control: true }), 'block'],
    [key('F4', { alt: true }), 'block'],
    [key('ArrowLeft', { alt: true }), 'block'],
    [key('S', { control: true, alt: true, shift: true }), 'staff'],
    // macOS Option, Windows AltGr (= Ctrl+Alt): the S key types another character.
    [key('Í', { code: 'KeyS', meta: true, alt: true, shift: true }), 'staff'],
    [key('Ś', { code: 'KeyS', control: true, alt: true, shift: true }), 'staff'],
    [key('®', { code: 'KeyR', meta: true, alt: true }), 'block'],
    [key('ß', { code: 'KeyS', alt: true }), 'allow'],
    [key('a'), 'allow'],
    [key('Tab'), 'allow'],
    [key('Enter'), 'allow'],
    [key('@', { shift: true }), 'allow'],
    [key('v', { control: true }), 'allow'],
  ] as const)('%o → %s', (input, decision) => {
    expect(classifyShortcut(input)).toBe(decision)
  })
})

describe('crash guard', () => {
  it('reloads with a growing backoff, then shows out of order after 5 crashes in 5 minutes', () => {
    let now = 0
    const guard = createCrashGuard(() => now)
    const decisions = Array.from({ length: 5 }, () => {
      now += 10_000
      return guard.recordCrash()
    })
    expect(decisions.slice(0, 4)).toEqual(
      [500, 1000, 2000, 4000].map((delayMs) => ({ action: 'reload', delayMs })),
    )
    expect(decisions[4]).toEqual({ action: 'out_of_order' })
  })

  it('forgets crashes older than 5 minutes', () => {
    let now = 0
    const guard = createCrashGuard(() => now)
    for (let i = 0; i < 4; i++) guard.recordCrash()
    now += 5 * 60_000
    expect(guard.recordCrash()).toEqual({ action: 'reload', delayMs: 500 })
  })
})
