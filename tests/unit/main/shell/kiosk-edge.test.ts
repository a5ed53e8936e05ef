import { describe, expect, it } from 'vitest'
import { ipcChannels } from '@shared/ipc/channels'
import { demoConfig } from '@main/config/demo'
import { KioskConfig } from '@main/config/schema'
import { createEventLog } from '@main/event-log'
import { createBrowserDataClearer } from '@main/shell/browser-data'
import { displayShouldStayAwake, setupDisplayWake } from '@main/shell/display-wake'
import { setupIpcBridge } from '@main/shell/ipc-bridge'
import { withInstallerOwnedScheme } from '@main/shell/scheme-registration'
import { setupKioskShortcuts, type KeyInput } from '@main/shell/shortcuts'

const log = createEventLog({ write: () => undefined })

describe('the wipe clears the clipboard', () => {
  /** Electron 44's clipboard (electron.d.ts): `clear()` takes no type; Linux adds `selection`. */
  function recordingClear(selection: boolean) {
    const cleared: string[] = []
    const clear = createBrowserDataClearer(
      {
        clearStorageData: async () => void cleared.push('storage'),
        clearCache: async () => void cleared.push('cache'),
        clearAuthCache: async () => void cleared.push('auth'),
      },
      {
        clear: (...ignored: unknown[]) =>
          void cleared.push(`clipboard${ignored.length ? '+arg' : ''}`),
        selection: selection ? { clear: () => void cleared.push('selection') } : undefined,
      },
    )
    return { clear, cleared }
  }

  it("on Linux also the X11 PRIMARY selection (a middle click pastes the last person's text)", async () => {
    const { clear, cleared } = recordingClear(true)
    await clear()
    expect(cleared).toEqual(['storage', 'cache', 'auth', 'clipboard', 'selection'])
  })

  it('elsewhere the clipboard (Electron has no selection there)', async () => {
    const { clear, cleared } = recordingClear(false)
    await clear()
    expect(cleared).toEqual(['storage', 'cache', 'auth', 'clipboard'])
  })
})

describe('display power', () => {
  const display = (overrides: Partial<KioskConfig['display']> = {}) => ({
    keepAwake: 'hours' as const,
    from: '07:30',
    until: '18:00',
    ...overrides,
  })
  const at = (time: string) => new Date(`2026-06-01T${time}:00`)

  it.each([
    ['07:29', false],
    ['07:30', true],
    ['17:59', true],
    ['18:00', false],
  ])('hours 07:30–18:00 at %s: awake %s', (time, awake) => {
    expect(displayShouldStayAwake(display(), at(time))).toBe(awake)
  })

  it('hours across midnight, always, never', () => {
    const night = display({ from: '22:00', until: '06:00' })
    expect(displayShouldStayAwake(night, at('23:00'))).toBe(true)
    expect(displayShouldStayAwake(night, at('12:00'))).toBe(false)
    expect(displayShouldStayAwake(display({ keepAwake: 'always' }), at('03:00'))).toBe(true)
    expect(displayShouldStayAwake(display({ keepAwake: 'never' }), at('12:00'))).toBe(false)
  })

  it('holds a display-sleep blocker during the hours and lets it go after', () => {
    const held: string[] = []
    let now = at('07:00')
    let tick = () => undefined as void
    setupDisplayWake(
      {
        start: (type) => (held.push(`start ${type}`), 7),
        stop: (id) => (held.push(`stop ${id}`), true),
      },
      display(),
      log,
      { now: () => now, every: (_ms, run) => (tick = run) },
    )
    expect(held).toEqual([])
    now = at('08:00')
    tick()
    tick()
    expect(held).toEqual(['start prevent-display-sleep'])
    now = at('18:30')
    tick()
    expect(held).toEqual(['start prevent-display-sleep', 'stop 7'])
  })

  it('the config takes HH:MM and defaults to the hours 07:00–19:00', () => {
    const { display: _display, ...base } = demoConfig('https://a.example.ca')
    expect(KioskConfig.parse(base).display).toEqual({
      keepAwake: 'hours',
      from: '07:00',
      until: '19:00',
    })
    expect(KioskConfig.safeParse({ ...base, display: { from: '7h30' } }).success).toBe(false)
  })
})

describe('mail-link scheme registration', () => {
  function recordingApp(isPackaged: boolean) {
    const registered: unknown[][] = []
    return {
      registered,
      app: {
        isPackaged,
        on: () => undefined,
        setAsDefaultProtocolClient: (...args: unknown[]) => (registered.push(args), true),
      },
    }
  }

  it.each(['win32', 'linux'] as const)(
    'packaged on %s: left to the installer (no per-user key that outlives an uninstall)',
    (platform) => {
      const { app, registered } = recordingApp(true)
      expect(withInstallerOwnedScheme(app, platform).setAsDefaultProtocolClient('mescertif')).toBe(
        false,
      )
      expect(registered).toEqual([])
    },
  )

  it('unpackaged, or on macOS: registered at run time, with the arguments given', () => {
    const dev = recordingApp(false)
    withInstallerOwnedScheme(dev.app, 'win32').setAsDefaultProtocolClient('mescertif', '/e', ['/a'])
    expect(dev.registered).toEqual([['mescertif', '/e', ['/a']]])
    const mac = recordingApp(true)
    withInstallerOwnedScheme(mac.app, 'darwin').setAsDefaultProtocolClient('mescertif')
    expect(mac.registered).toEqual([['mescertif']])
  })
})

describe('wiring into Electron (recording fakes)', () => {
  it('every contract channel reaches the router with its sender frame', async () => {
    const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>()
    const dispatched: unknown[][] = []
    setupIpcBridge(
      { handle: (channel, handler) => handlers.set(channel, handler as never) },
      {
        dispatch: async (...args) => (dispatched.push(args), { ok: true, data: {} }),
      },
    )
    expect([...handlers.keys()]).toEqual([...ipcChannels])
    const frame = { url: 'app://kiosk/index.html', parent: null }
    await handlers.get(ipcChannels[0])!({ senderFrame: frame }, { a: 1 })
    expect(dispatched).toEqual([[ipcChannels[0], frame, { a: 1 }]])
  })

  it('shortcuts: staff everywhere, blocking only in kiosk mode', () => {
    const fire = (mode: 'kiosk' | 'counter', input: Partial<KeyInput>) => {
      let listener: ((e: { preventDefault(): void }, i: KeyInput) => void) | undefined
      let staff = 0
      setupKioskShortcuts({ on: (_event, l) => (listener = l) }, mode, () => staff++)
      let prevented = false
      listener!(
        { preventDefault: () => (prevented = true) },
        {
          type: 'keyDown',
          key: '',
          code: '',
          control: false,
          meta: false,
          alt: false,
          shift: false,
          ...input,
        },
      )
      return { prevented, staff }
    }
    const reload = { key: 'r', code: 'KeyR', control: true }
    expect(fire('kiosk', reload)).toEqual({ prevented: true, staff: 0 })
    expect(fire('counter', reload)).toEqual({ prevented: false, staff: 0 })
    const staffKeys = { key: 'Ś', code: 'KeyS', control: true, alt: true, shift: true }
    expect(fire('counter', staffKeys)).toEqual({ prevented: true, staff: 1 })
  })
})
