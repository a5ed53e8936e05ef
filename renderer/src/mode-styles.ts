let loading: Promise<unknown> | undefined

/**
 * The display modes' styles (styles/modes.css), in their own chunk: fetched when the browser is
 * idle after start (main.ts) or when a person first turns a mode on, whichever comes first.
 */
export function loadModeStyles(): Promise<unknown> {
  loading ??= import('./styles/modes.css')
  return loading
}
