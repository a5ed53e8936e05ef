/**
 * Scrolls the region holding `field` (the page's content, or a dialog's body) so the field, with
 * its label and error if they fit, shows just above the region's sticky action bar. Done by hand:
 * `scrollIntoView` does not know the bar sits over the bottom of the region.
 */
export function revealField(field: HTMLElement): void {
  const region = field.closest<HTMLElement>('.main, .dialog__body')
  if (!region) return
  // In the lowered layout right on the edge, within a seated person's reach
  // (docs/accessibility.md); elsewhere with a margin.
  const lowered = document.documentElement.dataset.reach === 'low'
  const margin = 8
  const view = region.getBoundingClientRect()
  // The bar's height, not its place: right after a layout change (the keyboard, a display mode)
  // Chromium still reports a sticky box where it stuck before; it sticks to the bottom anyway.
  const bar = region.querySelector('.actions--bar')?.getBoundingClientRect().height ?? 0
  const top = view.top + margin
  const bottom = view.bottom - bar - (lowered ? 0 : margin)
  // The field with its label and error; if that is too tall, the field and its error (what the
  // person must read while typing); else the field alone.
  const own = field.getBoundingClientRect()
  const error = document.getElementById(`${field.id}-error`)?.getBoundingClientRect()
  const candidates = [
    field.closest<HTMLElement>('.field')?.getBoundingClientRect(),
    error && { top: own.top, bottom: Math.max(own.bottom, error.bottom) },
  ]
  const box = candidates.find((c) => c && c.bottom - c.top <= bottom - top) ?? own
  // As low as it can sit, on the bar's (or the keyboard's) edge: what comes before it, the title,
  // the lead and the fields above, stays in view as far as the room allows (the browser stops the
  // scroll at the top). Too tall for the room, its top shows.
  if (box.bottom - box.top > bottom - top) region.scrollTop += box.top - top
  else region.scrollTop += box.bottom - bottom
}

/**
 * Scrolls the region holding `element` so the element starts at the region's top: a result that
 * is read from its start down (a student's file just opened, what an action did to it).
 */
export function revealAtTop(element: HTMLElement): void {
  const region = element.closest<HTMLElement>('.main, .dialog__body')
  if (!region) return
  const margin = 8
  region.scrollTop +=
    element.getBoundingClientRect().top - region.getBoundingClientRect().top - margin
}
