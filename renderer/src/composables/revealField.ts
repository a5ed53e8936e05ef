/**
 * Scrolls the region holding `field` (the page's content, or a dialog's body) so the field, with
 * its label and error if they fit, shows between the region's top and its sticky action bar. Done
 * by hand: `scrollIntoView` does not know the bar sits over the bottom of the region.
 */
export function revealField(field: HTMLElement): void {
  const region = field.closest<HTMLElement>('.main, .dialog__body')
  if (!region) return
  const margin = 8
  const view = region.getBoundingClientRect()
  const bar = region.querySelector('.actions--bar')?.getBoundingClientRect()
  const top = view.top + margin
  const bottom =
    (bar && bar.top > view.top && bar.top < view.bottom ? bar.top : view.bottom) - margin
  const whole = field.closest<HTMLElement>('.field')?.getBoundingClientRect()
  const box = whole && whole.height <= bottom - top ? whole : field.getBoundingClientRect()
  if (box.bottom > bottom) region.scrollTop += box.bottom - bottom
  else if (box.top < top) region.scrollTop -= top - box.top
}
