import { onBeforeUnmount, onMounted } from 'vue'

/**
 * A USB barcode scanner is a keyboard that types a whole link in a burst and presses Enter: a few
 * milliseconds per character. 100 ms leaves room for a busy kiosk; a person typing a 20+
 * character link with no pause over 100 ms does not happen.
 */
const MAX_GAP_MS = 100
const MIN_LENGTH = 20

/**
 * Listens for scanner bursts anywhere on the page (outside text fields, where the field gets the
 * text itself). Human typing is far slower than a scanner, so it never triggers this.
 */
export function useScannerInput(onScan: (text: string) => void) {
  let buffer = ''
  let last = 0

  function onKeydown(event: KeyboardEvent) {
    const target = event.target as HTMLElement | null
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return
    const now = event.timeStamp || performance.now()
    if (now - last > MAX_GAP_MS) buffer = ''
    last = now
    if (event.key === 'Enter') {
      if (buffer.length >= MIN_LENGTH) {
        event.preventDefault()
        onScan(buffer)
      }
      buffer = ''
      return
    }
    if (event.key.length === 1) buffer += event.key
  }

  onMounted(() => window.addEventListener('keydown', onKeydown, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, true))
}
