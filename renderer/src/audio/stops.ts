import { isInaccessible } from 'dom-accessibility-api'
import { spokenText } from './spoken-text'

const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"]'
const TEXT_BLOCKS = 'h1, h2, h3, p, li, dt, dd, legend, img[alt]:not([alt=""])'
/** The demo mailbox stands for the person's phone, and the on-screen keyboard is for sight. */
const NOT_GUIDED = '.demo-mailbox, .osk'

/** Where the cursor may go: the open dialog on top if any, else the whole kiosk. */
export function guidedRoot(): Element {
  const dialogs = document.querySelectorAll('dialog[open]')
  return dialogs[dialogs.length - 1] ?? document.getElementById('app') ?? document.body
}

export function isControl(element: Element): boolean {
  return element.matches(CONTROLS)
}

/**
 * The items the keypad walks through, in reading order: controls, and text that is not already
 * read with a control (labels, hints and errors are read with their field).
 */
export function collectStops(root: Element): Element[] {
  const describedIds = new Set(
    [...root.querySelectorAll('[aria-describedby]')].flatMap((element) =>
      (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean),
    ),
  )
  const readWithAnother = (element: Element) => {
    for (let at: Element | null = element; at && at !== root; at = at.parentElement)
      if (at.id && describedIds.has(at.id)) return true
    return false
  }
  return [...root.querySelectorAll(`${CONTROLS}, ${TEXT_BLOCKS}`)].filter((element) => {
    if (element.closest(NOT_GUIDED) || isInaccessible(element)) return false
    if (isControl(element)) return true
    // The lead is said with its screen's title; labels, hints and errors with their field.
    if (element.matches('.lead') || element.closest(`label, ${CONTROLS}`)) return false
    if (element.querySelector(`${CONTROLS}, ${TEXT_BLOCKS}`)) return false
    if (readWithAnother(element)) return false
    return spokenText(element) !== ''
  })
}

/** The stop after (or before) `from` in reading order, wrapping; `wrapped` when it went round. */
export function neighbourStop(
  stops: readonly Element[],
  from: Element | undefined,
  step: 1 | -1,
): { stop: Element | undefined; wrapped: boolean } {
  if (!stops.length) return { stop: undefined, wrapped: false }
  if (!from || !from.isConnected)
    return { stop: step === 1 ? stops[0] : stops[stops.length - 1], wrapped: false }
  const ordered = step === 1 ? stops : [...stops].reverse()
  const following = step === 1 ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING
  const next = ordered.find(
    (stop) =>
      stop !== from &&
      !stop.contains(from) &&
      (from.compareDocumentPosition(stop) & following) !== 0,
  )
  if (next) return { stop: next, wrapped: false }
  return { stop: ordered[0], wrapped: true }
}
