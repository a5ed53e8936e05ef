import { watchEffect } from 'vue'
import { loadModeStyles } from '../mode-styles'
import { useAccessibilityStore } from '../stores/accessibility'

/**
 * The display modes live on <html> as data attributes, so `styles/modes.css` alone decides what
 * they look like: text size, contrast, where the controls sit, and the audio cursor.
 */
export function useDisplayModes() {
  const a11y = useAccessibilityStore()
  const apply = () => {
    const root = document.documentElement.dataset
    const set = (name: string, value: string, on: boolean) => {
      if (on) root[name] = value
      else delete root[name]
    }
    set('text', 'large', a11y.largeText)
    set('contrast', 'high', a11y.highContrast)
    set('reach', 'low', a11y.lowered)
    set('audio', 'on', a11y.audio)
  }
  watchEffect(() => {
    // Every mode read on every run (no short-circuit), so that each is tracked by the effect.
    const modes = [a11y.largeText, a11y.highContrast, a11y.lowered, a11y.audio]
    const anyOn = modes.some(Boolean)
    // A mode shows with its styles, never half-styled; turning modes off needs none.
    if (anyOn) void loadModeStyles().then(apply)
    else apply()
  })
}
