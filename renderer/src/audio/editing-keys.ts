import type { KeypadAction } from '@shared/accessibility-defaults'
import type { Locale } from '@shared/locale-codes'
import { i18n } from '../i18n'
import { characterAt } from './character-wheel'
import {
  characterSaid,
  currentCharacterSaid,
  groupSaid,
  moveCharacter,
  moveGroup,
  typeText,
  type FieldEditing,
} from './field-editing'
import { fieldKind } from './fields'
import { digitOf } from './keypad'
import type { Utterance } from './speaker'

export interface EditingKeyContext {
  locale: Locale
  speak: (utterances: Utterance[], remember?: boolean) => void
  /** A message in the screen's language, with the keys' names filled in. */
  here: (key: string) => Utterance
  finish: () => void
}

/**
 * A key while a field is being typed in with the keypad: a code's digits go straight in; the
 * character wheel moves, changes group and types; Enter finishes; help says how. `false` when the
 * key is not the editing's (the guide's own keys then apply).
 */
export function handleEditingKey(
  editing: FieldEditing,
  action: KeypadAction | undefined,
  code: string,
  { locale, speak, here, finish }: EditingKeyContext,
): boolean {
  const digit = digitOf(code)
  if (editing.mode === 'digits' && digit !== undefined && code.startsWith('Numpad')) {
    typeText(editing.input, digit)
    return true
  }
  if (editing.mode === 'wheel' && (action === 'next' || action === 'previous')) {
    moveCharacter(editing, action === 'next' ? 1 : -1)
    speak([{ text: currentCharacterSaid(editing, locale), lang: locale }])
    return true
  }
  if (editing.mode === 'wheel' && (action === 'groupNext' || action === 'groupPrevious')) {
    moveGroup(editing, action === 'groupNext' ? 1 : -1)
    speak([
      { text: groupSaid(editing, locale), lang: locale },
      { text: currentCharacterSaid(editing, locale), lang: locale },
    ])
    return true
  }
  if (editing.mode === 'wheel' && action === 'select') {
    typeText(editing.input, characterAt(editing.position))
    return true
  }
  if (action === 'enter') {
    finish()
    return true
  }
  if (action === 'help') {
    speak([here(editing.mode === 'digits' ? 'audio.helpDigits' : 'audio.helpWheel')], false)
    return true
  }
  return false
}

/** A character typed, by the wheel or a keyboard, as echoed: a secret one only as "entered". */
export function typedSaid(input: HTMLInputElement, data: string, locale: Locale): string {
  return fieldKind(input) === 'spoken' && data.length === 1
    ? characterSaid(data, locale)
    : i18n.global.t('audio.characterEntered', {}, { locale })
}
