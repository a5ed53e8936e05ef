/** An element's text as a screen reader reads it: hidden and aria-hidden parts left out. */
export function spokenText(element: Element): string {
  if (element instanceof HTMLImageElement) return element.alt.trim()
  const parts: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '')
    if (!(node instanceof Element)) return
    if (node.getAttribute('aria-hidden') === 'true' || node instanceof HTMLInputElement) return
    const display = node instanceof HTMLElement ? getComputedStyle(node).display : 'block'
    if (display === 'none') return
    node.childNodes.forEach(walk)
    // Blocks and list items end a phrase; inline parts (an address's <wbr> break points) do not.
    if (!display.startsWith('inline') && node.tagName !== 'WBR') parts.push(' ')
  }
  walk(element)
  return parts.join('').replace(/\s+/g, ' ').trim()
}
