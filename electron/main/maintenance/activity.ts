/**
 * When someone last touched the screen, as the renderer reports it (`kiosk.activity`, at most a
 * few times a minute). Main cannot see a person typing into a form it has not been sent yet, so
 * the restart window asks this before relaunching.
 */
export function createActivityTracker(now: () => number) {
  let lastAt = now()
  return {
    touch(): void {
      lastAt = now()
    },
    quietFor(): number {
      return now() - lastAt
    },
  }
}

export type ActivityTracker = ReturnType<typeof createActivityTracker>
