import { computeAccessibleDescription, computeAccessibleName } from 'dom-accessibility-api'
import { langOf } from './describe'
import type { Utterance } from './speaker'
import { spokenText } from './spoken-text'

/** A new screen, from its heading: the step it is, its title, and its lead (what to do). */
export function screenSaid(heading: Element): Utterance[] {
  const lang = langOf(heading)
  const step = document.querySelector('.steps .visually-hidden')
  const lead = heading.closest('section')?.querySelector('.lead')
  return [step, heading, lead]
    .filter((element): element is Element => !!element)
    .map((element) => ({ text: spokenText(element), lang }))
}

/** A dialog's title and lead, and what it shows large to be confirmed (the address). */
export function dialogSaid(dialog: Element): Utterance[] {
  const lang = langOf(dialog)
  const emphasis = dialog.querySelector('.emphasis')
  return [
    computeAccessibleName(dialog),
    computeAccessibleDescription(dialog),
    emphasis ? spokenText(emphasis) : '',
  ]
    .filter(Boolean)
    .map((text) => ({ text, lang }))
}
