import type { KioskEvent } from '@shared/ipc/events'

/** More held events than this means nobody is listening; the newest are dropped. */
export const HELD_EVENTS_MAX = 32

/**
 * Main → renderer events. Held until the renderer says it is ready (`app.ready`), then delivered
 * in order; after a reload the renderer says so again and delivery resumes (electron/fiddle's
 * pattern). While held, a wipe supersedes everything before it (the renderer resets to Welcome
 * anyway, and main has dropped the links those events were about), and a staff request already
 * waiting is enough: 50,000 wipes while nobody listens hold one event, and the queue is capped.
 */
export function createEventChannel(send: (event: KioskEvent) => void) {
  let ready = false
  let held: KioskEvent[] = []
  return {
    emit(event: KioskEvent) {
      if (ready) return send(event)
      if (event.type === 'wiped') held = []
      else if (event.type === 'staffRequested' && held.some((e) => e.type === event.type)) return
      if (held.length < HELD_EVENTS_MAX) held.push(event)
    },
    ready() {
      ready = true
      const events = held
      held = []
      for (const event of events) send(event)
    },
    /** The renderer went away (reload, crash): hold events until it is ready again. */
    notReady() {
      ready = false
    },
  }
}

export type EventChannel = ReturnType<typeof createEventChannel>
