import type { Locale } from '@shared/locale-codes'
import { i18n } from '../i18n'
import {
  characterAt,
  characterGroups,
  spokenSymbols,
  stepCharacter,
  stepGroup,
  wheelStart,
  type WheelPosition,
} from './character-wheel'
import { fieldKind } from './fields'

/** A field being typed into with the keypad: the digits themselves, or the character wheel. */
export interface FieldEditing {
  input: HTMLInputElement
  mode: 'digits' | 'wheel'
  position: WheelPosition
}

export function startEditing(input: HTMLInputElement): FieldEditing {
  return { input, mode: fieldKind(input) === 'digits' ? 'digits' : 'wheel', position: wheelStart() }
}

/** A character as a voice should say it: symbols by name, capitals as capitals. */
export function characterSaid(character: string, locale: Locale): string {
  const t = i18n.global.t
  const symbol = spokenSymbols[character]
  if (symbol) return t(`audio.char.${symbol}`, {}, { locale })
  if (character !== character.toLowerCase())
    return t('audio.capital', { letter: character.toLowerCase() }, { locale })
  return character
}

export function currentCharacterSaid(editing: FieldEditing, locale: Locale): string {
  return characterSaid(characterAt(editing.position), locale)
}

export function groupSaid(editing: FieldEditing, locale: Locale): string {
  const group = characterGroups[editing.position.group]!.name
  return i18n.global.t(`audio.group.${group}`, {}, { locale })
}

export function moveCharacter(editing: FieldEditing, step: 1 | -1): void {
  editing.position = stepCharacter(editing.position, step)
}

export function moveGroup(editing: FieldEditing, step: 1 | -1): void {
  editing.position = stepGroup(editing.position, step)
}

/**
 * Types or erases as the person's own keystroke would (the field's input handler, v-model,
 * maxlength and live checks all run): Chromium's editing command, not a value written behind
 * Vue's back.
 */
export function typeText(input: HTMLInputElement, text: string): void {
  if (document.activeElement !== input) input.focus()
  document.execCommand('insertText', false, text)
}

export function eraseLast(input: HTMLInputElement): boolean {
  if (!input.value) return false
  if (document.activeElement !== input) input.focus()
  const end = input.value.length
  input.setSelectionRange(end, end)
  document.execCommand('delete')
  return true
}

/** The field spelled out on request: a code digit by digit, a name letter by letter; a password never. */
export function spelled(input: HTMLInputElement, locale: Locale): string {
  const kind = fieldKind(input)
  if (!input.value) return i18n.global.t('audio.state.empty', {}, { locale })
  if (kind === 'digits' || kind === 'spoken')
    return [...input.value].map((character) => characterSaid(character, locale)).join(', ')
  return i18n.global.t('audio.charactersEntered', input.value.length, {
    locale,
    named: { count: input.value.length },
  })
}
