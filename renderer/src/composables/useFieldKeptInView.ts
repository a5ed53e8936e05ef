import { watch, type Ref } from 'vue'
import { revealField } from './revealField'

/**
 * Keeps the field being typed in on screen, with its label and error, whenever the region around
 * it changes size: the keyboard comes or goes, an error appears under the field, a banner or a
 * display mode changes the frame, a counter desk's window is resized. The layout moves, not the
 * person (layout.css). The region's children are watched too, since an error grows the content,
 * not the region; and the display modes, which can move a field without resizing anything.
 * Answers how to stop.
 */
export function keepFieldInView(region: HTMLElement): () => void {
  const keepInView = () => {
    const field = document.activeElement
    if (field instanceof HTMLInputElement && field.type !== 'checkbox' && region.contains(field))
      revealField(field)
  }
  const sizes = new ResizeObserver(keepInView)
  const observeSizes = () => {
    sizes.disconnect()
    sizes.observe(region)
    for (const child of region.children) sizes.observe(child)
  }
  const children = new MutationObserver(observeSizes)
  const modes = new MutationObserver(keepInView)
  observeSizes()
  children.observe(region, { childList: true })
  modes.observe(document.documentElement, { attributeFilter: ['data-text', 'data-reach'] })
  return () => {
    sizes.disconnect()
    children.disconnect()
    modes.disconnect()
  }
}

/** The same for a component's region (a dialog's body), for as long as it is on screen. */
export function useFieldKeptInView(region: Ref<HTMLElement | null>) {
  watch(
    region,
    (element, _, onCleanup) => {
      if (element) onCleanup(keepFieldInView(element))
    },
    { immediate: true, flush: 'post' },
  )
}
