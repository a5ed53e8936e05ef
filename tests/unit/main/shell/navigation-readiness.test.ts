import { describe, expect, it } from 'vitest'
import type { KioskEvent } from '@shared/ipc/events'
import { createEventChannel } from '@main/event-channel'
import { createEventLog } from '@main/event-log'
import { createCrashGuard } from '@main/shell/crash-guard'
import { hardenWebContents } from '@main/shell/hardening'
import { setupRendererWatchdog } from '@main/shell/renderer-watchdog'

type Listener = (...args: unknown[]) => void

/** Web contents that fire their listeners as Electron does: in order, with a preventable event. */
class RecordingContents {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  setWindowOpenHandler() {}
  forcefullyCrashRenderer() {}
  /** Fires an event; true when a listener called preventDefault. */
  fire(event: string, ...args: unknown[]): boolean {
    return this.emit(event, {}, args)
  }
  /** A navigation event: Electron puts its details on the event object itself. */
  navigate(event: string, details: object): boolean {
    return this.emit(event, details, [])
  }
  private emit(event: string, details: object, args: unknown[]): boolean {
    let prevented = false
    const object = { ...details, preventDefault: () => (prevented = true) }
    for (const listener of this.listeners.get(event) ?? []) listener(object, ...args)
    return prevented
  }
}

const log = createEventLog({ write: () => undefined })

function kioskContents() {
  const contents = new RecordingContents()
  const delivered: KioskEvent[] = []
  const events = createEventChannel((event) => delivered.push(event))
  hardenWebContents(contents as never, log)
  setupRendererWatchdog({ on: () => undefined }, contents as never, {
    log,
    crashGuard: createCrashGuard(() => 0),
    wipeAfterCrash: () => undefined,
    reloadWelcome: () => undefined,
    showOutOfOrder: () => undefined,
    rendererGoing: () => events.notReady(),
  })
  events.ready()
  return { contents, events, delivered }
}

describe('events wait only for a page that is really going away', () => {
  it('a navigation the hardening blocks does not hold main’s events', () => {
    const { contents, events, delivered } = kioskContents()
    // Electron's order: did-start-navigation (WebContents::DidStartNavigation) comes before the
    // navigation throttle emits will-navigate (shell/browser/electron_navigation_throttle.cc).
    const navigation = { url: 'https://evil.example/', isMainFrame: true, isSameDocument: false }
    contents.navigate('did-start-navigation', navigation)
    expect(contents.navigate('will-frame-navigate', navigation)).toBe(true)
    expect(contents.navigate('will-navigate', navigation)).toBe(true)
    events.emit({ type: 'wiped', reason: 'staff' })
    events.emit({ type: 'staffRequested' })
    expect(delivered).toEqual([{ type: 'wiped', reason: 'staff' }, { type: 'staffRequested' }])
  })

  it('a renderer that is gone holds them until the new page says it is ready', () => {
    const { contents, events, delivered } = kioskContents()
    contents.fire('render-process-gone', { reason: 'crashed' })
    events.emit({ type: 'staffRequested' })
    expect(delivered).toEqual([])
    events.ready()
    expect(delivered).toEqual([{ type: 'staffRequested' }])
  })
})
