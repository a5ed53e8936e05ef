import { computeAccessibleDescription, computeAccessibleName } from 'dom-accessibility-api'
import type { Locale } from '@shared/locale-codes'
import { i18n } from '../i18n'
import { fieldKind, isTextField } from './fields'
import { isControl } from './stops'
import { spokenText } from './spoken-text'

/** The language an element is written in: its own `lang`, else the page's. */
export function langOf(element: Element): Locale {
  const lang = element.closest('[lang]')?.getAttribute('lang')
  return lang === 'en-CA' ? 'en-CA' : 'fr-CA'
}

function say(key: string, locale: Locale, named: Record<string, unknown> = {}): string {
  return i18n.global.t(key, named, { locale })
}

function countSaid(count: number, locale: Locale): string {
  return i18n.global.t('audio.charactersEntered', count, { locale, named: { count } })
}

/** What a field holds, said without giving away what must stay private. */
export function fieldValueSaid(input: HTMLInputElement, locale: Locale): string {
  if (!input.value) return say('audio.state.empty', locale)
  return fieldKind(input) === 'spoken' ? input.value : countSaid(input.value.length, locale)
}

function roleSaid(element: Element, locale: Locale): string {
  if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox') return say('audio.role.checkbox', locale)
    if (element.type === 'radio') return say('audio.role.radio', locale)
    const kind = fieldKind(element)
    if (kind === 'secret') return say('audio.role.passwordField', locale)
    if (kind === 'digits') return say('audio.role.codeField', locale)
    return say('audio.role.textField', locale)
  }
  if (element instanceof HTMLSelectElement) return say('audio.role.list', locale)
  if (element instanceof HTMLAnchorElement) return say('audio.role.link', locale)
  return say('audio.role.button', locale)
}

function statesSaid(element: Element, locale: Locale): string[] {
  const states: string[] = []
  if (element instanceof HTMLInputElement && element.type === 'checkbox')
    states.push(say(element.checked ? 'audio.state.checked' : 'audio.state.notChecked', locale))
  if (element instanceof HTMLInputElement && element.type === 'radio')
    states.push(say(element.checked ? 'audio.state.chosen' : 'audio.state.notChosen', locale))
  const pressed = element.getAttribute('aria-pressed')
  if (pressed) states.push(say(pressed === 'true' ? 'audio.state.on' : 'audio.state.off', locale))
  const expanded = element.getAttribute('aria-expanded')
  if (expanded)
    states.push(say(expanded === 'true' ? 'audio.state.expanded' : 'audio.state.collapsed', locale))
  if ((element as HTMLButtonElement).disabled) states.push(say('audio.state.unavailable', locale))
  if (element.getAttribute('aria-invalid') === 'true')
    states.push(say('audio.state.invalid', locale))
  if (isTextField(element)) states.push(fieldValueSaid(element, locale))
  if (element instanceof HTMLSelectElement)
    states.push(element.options[element.selectedIndex]?.textContent?.trim() ?? '')
  return states
}

/** What audio guidance says when the cursor lands on `element`. */
export function describeStop(element: Element): { text: string; lang: Locale } {
  const lang = langOf(element)
  if (!isControl(element)) return { text: spokenText(element), lang }
  const name = computeAccessibleName(element)
  const description = computeAccessibleDescription(element)
  const parts = [name, roleSaid(element, lang), ...statesSaid(element, lang)].filter(Boolean)
  const said = parts.join(', ')
  // A button that shows its hint inside itself already said it with its name.
  return {
    text: description && !name.includes(description) ? `${said}. ${description}` : said,
    lang,
  }
}
