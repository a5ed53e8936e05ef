import { onBeforeUnmount, onMounted } from 'vue'
import { kiosk } from '../kiosk'

/** Often enough for main's idle check (minutes), rarely enough to be nothing on the channel. */
const REPORT_EVERY_MS = 15_000
const INPUT_EVENTS = ['pointerdown', 'keydown'] as const

/**
 * Tells main that someone is using the screen (`kiosk.activity`), at most every 15 s: main cannot
 * see a person typing into a form it has not been sent, and the nightly restart must wait for them.
 */
export function useActivityReport() {
  let lastReport = 0
  const report = () => {
    const now = Date.now()
    if (now - lastReport < REPORT_EVERY_MS) return
    lastReport = now
    void kiosk().kiosk.activity()
  }
  onMounted(() => {
    for (const name of INPUT_EVENTS)
      window.addEventListener(name, report, { capture: true, passive: true })
  })
  onBeforeUnmount(() => {
    for (const name of INPUT_EVENTS) window.removeEventListener(name, report, { capture: true })
  })
}
