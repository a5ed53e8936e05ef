import type { Page } from '@playwright/test'

export interface RendererHeap {
  /** V8's heap: the kiosk's JavaScript objects, compiled code, Vue, pinia, vue-i18n. */
  js: number
  /** Blink's heap (Oilpan): the DOM, styles, console messages, performance entries. */
  dom: number
  /** Both: what the renderer keeps. */
  total: number
}

/**
 * The renderer's heaps after DevTools' own "collect garbage" (`HeapProfiler.collectGarbage`, a
 * memory-reducing full collection, what a heap snapshot does first), read straight from V8
 * (`Runtime.getHeapUsage`).
 *
 * Not `window.gc()` then `performance.memory.usedJSHeapSize`: one plain full GC leaves what only a
 * memory-reducing one frees, and Blink caches that figure between readings. On 2026-11-29 the two
 * read 6.95 → 8.72 MiB over cycles 200–500 where the heap snapshots (taken after the
 * memory-reducing GC) grew 169 KiB, and the same state read 11.70 then 5.41 MiB a moment apart
 * (docs/performance.md, "Memory over weeks").
 */
export async function rendererHeap(page: Page): Promise<RendererHeap> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const usage = await cdp.send('Runtime.getHeapUsage')
    const dom = usage.embedderHeapUsedSize
    return { js: usage.usedSize, dom, total: usage.usedSize + dom }
  } finally {
    await cdp.detach()
  }
}
