import type { KioskEvent } from '../../shared/ipc/events'

/**
 * Main → renderer events. Held until the renderer says it is ready (`app.ready`), then delivered
 * in order; after a reload the renderer says so again and delivery resumes (electron/fiddle's
 * pattern).
 */
export function createEventChannel(send: (event: KioskEvent) => void) {
  let ready = false
  const held: KioskEvent[] = []
  return {
    emit(event: KioskEvent) {
      if (ready) send(event)
      else held.push(event)
    },
    ready() {
      ready = true
      for (const event of held.splice(0)) send(event)
    },
    /** The renderer went away (reload, crash): hold events until it is ready again. */
    notReady() {
      ready = false
    },
  }
}

export type EventChannel = ReturnType<typeof createEventChannel>
