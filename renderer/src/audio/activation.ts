import { describeStop, langOf } from './describe'
import { nextTask } from './next-task'
import type { Utterance } from './speaker'
import { spokenText } from './spoken-text'

/**
 * Activates a control under the cursor, as a touch would, and answers what it did when focus does
 * not say it by moving: a box, a radio button or a toggle its new state, a list its next choice, a key that writes
 * into a display (the staff PIN pad's, `aria-controls`) what the display now says.
 */
export async function activateControl(target: HTMLElement): Promise<Utterance[]> {
  if ((target as HTMLButtonElement).disabled) return [describeStop(target)]
  // A list is chosen from by stepping through its choices: a keypad cannot open its popup.
  if (target instanceof HTMLSelectElement) {
    target.selectedIndex = (target.selectedIndex + 1) % target.options.length
    target.dispatchEvent(new Event('change', { bubbles: true }))
    return [describeStop(target)]
  }
  target.click()
  await new Promise<void>((done) => nextTask(done))
  if (!target.isConnected || document.activeElement !== target) return []
  const toggles =
    (target instanceof HTMLInputElement &&
      (target.type === 'checkbox' || target.type === 'radio')) ||
    target.hasAttribute('aria-pressed') ||
    target.hasAttribute('aria-expanded')
  if (toggles) return [describeStop(target)]
  const display = document.getElementById(target.getAttribute('aria-controls') ?? '')
  if (display && !(display instanceof HTMLInputElement))
    return [{ text: spokenText(display), lang: langOf(display) }]
  return []
}
