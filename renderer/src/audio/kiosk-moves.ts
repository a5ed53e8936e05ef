import { nextTask } from './next-task'

/** What appears on its own and is said: errors, and the outcome of a staff action. */
const APPEARING = '.field__error, .form-error, .counter__notice'

/**
 * What the kiosk does on its own while audio guidance is on (docs/accessibility.md, "What is
 * said"): the focus it moves and the errors and notices that appear are gathered and handed over
 * together once the page has settled (the next task), so the field the kiosk focused is said
 * first, then what came with it. Between screens nothing is handed over: focus passes through the
 * old screen (a closing dialog gives it back) and each key press must get exactly one answer.
 */
export function createKioskMoves(
  onSettled: (landed: Element | undefined, appeared: Element[]) => void,
) {
  let landed: Element | undefined
  let appeared: Element[] = []
  let cancelFlush: (() => void) | undefined
  let navigating = false

  function flushSoon() {
    cancelFlush?.()
    cancelFlush = nextTask(flush)
  }

  function flush() {
    if (navigating) return
    const target = landed && landed.isConnected ? landed : undefined
    const shown = appeared.filter((element) => element.isConnected)
    landed = undefined
    appeared = []
    if (target || shown.length) onSettled(target, shown)
  }

  const appearing = new MutationObserver((mutations) => {
    const added = mutations
      .flatMap((mutation) => [...mutation.addedNodes])
      .filter((node): node is Element => node instanceof Element)
      .flatMap((node) => (node.matches(APPEARING) ? [node] : [...node.querySelectorAll(APPEARING)]))
    if (!added.length) return
    appeared.push(...added)
    flushSoon()
  })

  return {
    /** The kiosk moved focus to `target` (not the guide itself). */
    landedOn(target: Element) {
      landed = target
      flushSoon()
    },
    start() {
      appearing.observe(document.body, { childList: true, subtree: true })
    },
    stop() {
      appearing.disconnect()
      cancelFlush?.()
    },
    navigationStarted() {
      navigating = true
    },
    navigationEnded() {
      navigating = false
      landed = undefined
    },
  }
}
