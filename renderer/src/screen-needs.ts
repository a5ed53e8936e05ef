import { loadAllMessages } from './i18n'

let styles: Promise<unknown> | undefined

/**
 * What every screen but Welcome needs before it shows: every message of both languages, and the
 * screens' styles (styles/screens.css). Welcome starts without them (docs/performance.md); they
 * are fetched on idle after start, or before the first screen or dialog that needs them. The styles
 * are asked for first, so they always come before a screen's or a component's own styles.
 */
export function loadScreenNeeds(): Promise<unknown> {
  styles ??= import('./styles/screens.css')
  return Promise.all([styles, loadAllMessages()])
}
