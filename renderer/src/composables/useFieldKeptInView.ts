import { onBeforeUnmount, watch, type Ref } from 'vue'
import { revealField } from './revealField'

/**
 * Keeps the field being typed in on screen, with its label and error, whenever the region around
 * it changes size: the keyboard comes or goes, an error appears under the field, a banner or a
 * display mode changes the frame, a counter desk's window is resized. The layout moves, not the
 * person (layout.css). The region's children are watched too, since an error grows the content,
 * not the region.
 */
export function useFieldKeptInView(region: Ref<HTMLElement | null>) {
  const keepInView = () => {
    const field = document.activeElement
    if (
      field instanceof HTMLInputElement &&
      field.type !== 'checkbox' &&
      region.value?.contains(field)
    )
      revealField(field)
  }
  const sizes = new ResizeObserver(keepInView)
  const children = new MutationObserver(() => observe(region.value))
  // A display mode can move the field without resizing anything (the lowered layout).
  const modes = new MutationObserver(keepInView)
  modes.observe(document.documentElement, { attributeFilter: ['data-text', 'data-reach'] })

  function observe(element: HTMLElement | null) {
    sizes.disconnect()
    if (!element) return
    sizes.observe(element)
    for (const child of element.children) sizes.observe(child)
  }

  watch(
    region,
    (element) => {
      children.disconnect()
      observe(element)
      if (element) children.observe(element, { childList: true })
    },
    { immediate: true, flush: 'post' },
  )
  onBeforeUnmount(() => {
    sizes.disconnect()
    children.disconnect()
    modes.disconnect()
  })
}
