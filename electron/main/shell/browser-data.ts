export interface BrowserSession {
  clearStorageData(): Promise<void>
  clearCache(): Promise<void>
  clearAuthCache(): Promise<void> | void
}

export interface Clipboard {
  clear(type?: 'selection' | 'clipboard'): void
}

/**
 * The browser half of the wipe: storage, cache, HTTP auth, and the clipboard — on Linux also the
 * X11 PRIMARY selection, which holds whatever the person last selected (a name, an address) and
 * pastes with a middle click.
 */
export function createBrowserDataClearer(
  session: BrowserSession,
  clipboard: Clipboard,
  platform: NodeJS.Platform,
): () => Promise<void> {
  return async () => {
    await session.clearStorageData()
    await session.clearCache()
    await session.clearAuthCache()
    clipboard.clear()
    if (platform === 'linux') clipboard.clear('selection')
  }
}
