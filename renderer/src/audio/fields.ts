/**
 * What audio guidance may say of a field's content (docs/accessibility.md, "What is never
 * spoken"): names and addresses are said; passwords never, not even on request; codes digit by
 * digit only on request; anything else (a pasted link holds a token) only as a length.
 */
export type FieldKind = 'spoken' | 'secret' | 'digits' | 'quiet'

const SPOKEN_AUTOCOMPLETE = new Set(['given-name', 'family-name', 'email', 'username'])
const TYPING_INPUTS = new Set(['text', 'email', 'password', 'search', 'tel'])

export function isTextField(element: Element): element is HTMLInputElement {
  return element instanceof HTMLInputElement && TYPING_INPUTS.has(element.type)
}

export function fieldKind(input: HTMLInputElement): FieldKind {
  if (input.dataset.private === 'true' || input.type === 'password') return 'secret'
  if (input.inputMode === 'numeric' || input.dataset.keyboard === 'digits') return 'digits'
  // An address is said, whoever's it is: staff at the counter check the student's as they type it.
  if (SPOKEN_AUTOCOMPLETE.has(input.autocomplete) || input.type === 'email') return 'spoken'
  return 'quiet'
}
