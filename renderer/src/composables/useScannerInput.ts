import { onBeforeUnmount, onMounted } from 'vue'

/**
 * A USB barcode scanner is a keyboard that types a whole link in a burst and presses Enter: a few
 * milliseconds per character. The burst is judged by its average pace, so one late keystroke on a
 * busy kiosk does not break it; people type ten times slower.
 */
const MAX_AVERAGE_MS_PER_KEY = 50
const MAX_PAUSE_MS = 1000
const MIN_LENGTH = 20

/**
 * Listens for scanner bursts anywhere on the page (outside text fields, where the field gets the
 * text itself).
 */
export function useScannerInput(onScan: (text: string) => void) {
  let buffer = ''
  let startedAt = 0
  let last = 0

  function onKeydown(event: KeyboardEvent) {
    const target = event.target as HTMLElement | null
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return
    const now = event.timeStamp || performance.now()
    if (now - last > MAX_PAUSE_MS) buffer = ''
    last = now
    if (event.key === 'Enter') {
      const pace = (now - startedAt) / Math.max(1, buffer.length)
      if (buffer.length >= MIN_LENGTH && pace <= MAX_AVERAGE_MS_PER_KEY) {
        event.preventDefault()
        onScan(buffer)
      }
      buffer = ''
      return
    }
    if (event.key.length !== 1) return
    if (buffer === '') startedAt = now
    buffer += event.key
  }

  onMounted(() => window.addEventListener('keydown', onKeydown, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, true))
}
