import type { Clipboard } from 'electron'

export interface BrowserSession {
  clearStorageData(): Promise<void>
  clearCache(): Promise<void>
  clearAuthCache(): Promise<void> | void
}

/**
 * The clipboard as Electron 44 types it (electron.d.ts): `clear()` takes no type any more — the
 * old `clear('selection')` now silently clears the main clipboard again — and Linux's X11 PRIMARY
 * selection is its own `selection` clipboard, `undefined` on the other platforms
 * (docs/breaking-changes.md, "clipboard module rearchitected").
 */
export type ClipboardToClear = Pick<Clipboard, 'clear'> & {
  readonly selection: Pick<Clipboard, 'clear'> | undefined
}

/**
 * The browser half of the wipe: storage, cache, HTTP auth, and the clipboard — on Linux also the
 * X11 PRIMARY selection, which holds whatever the person last selected (a name, an address) and
 * pastes with a middle click.
 */
export function createBrowserDataClearer(
  session: BrowserSession,
  clipboard: ClipboardToClear,
): () => Promise<void> {
  return async () => {
    await session.clearStorageData()
    await session.clearCache()
    await session.clearAuthCache()
    clipboard.clear()
    clipboard.selection?.clear()
  }
}
