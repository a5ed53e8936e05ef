import { expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { spokenSymbols } from '@renderer/audio/character-wheel'
import { plainSpaces } from '@renderer/audio/plain-spaces'
import { compositionRules, checkCompositionRules } from '@shared/password-policy'
import type { Locale } from '@shared/locales'
import { wheelPresses } from './keypad'
import { spokenSoFar, type Spoken } from './recorded-speech'

const catalog = (locale: Locale): unknown =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../locales/${locale}.json`), 'utf8'))
const catalogs = { 'fr-CA': catalog('fr-CA'), 'en-CA': catalog('en-CA') }

/**
 * What a person hears, written from the locale files (never copied from what the kiosk said):
 * message lookups, and the shapes audio guidance gives them (docs/accessibility.md).
 */
export function wordsOf(locale: Locale) {
  function m(key: string, named: Record<string, string | number> = {}, count?: number): string {
    let value: unknown = catalogs[locale]
    for (const part of key.split('.')) value = (value as Record<string, unknown>)[part]
    if (typeof value !== 'string') throw new Error(`no message ${key}`)
    let text = value
    if (count !== undefined) {
      const forms = value.split(' | ')
      text = forms.length === 3 ? forms[Math.min(count, 2)]! : forms[count === 1 ? 0 : 1]!
    }
    // Spoken as the kiosk's speech layer says it: French non-breaking spaces as plain ones.
    return plainSpaces(text.replace(/\{(\w+)\}/g, (_, name: string) => String(named[name])))
  }
  const keys = {
    previous: '4',
    next: '6',
    select: '5',
    enter: m('audio.keys.NumpadEnter'),
    groupNext: '2',
    groupPrevious: '8',
    repeat: '0',
    erase: m('audio.keys.NumpadDecimal'),
    spell: '9',
    time: '7',
    louder: m('audio.keys.NumpadAdd'),
    softer: m('audio.keys.NumpadSubtract'),
    help: m('audio.keys.NumpadMultiply'),
    stop: m('audio.keys.NumpadDivide'),
  }
  const character = (c: string) => {
    const symbol = spokenSymbols[c]
    if (symbol) return m(`audio.char.${symbol}`)
    return c !== c.toLowerCase() ? m('audio.capital', { letter: c.toLowerCase() }) : c
  }
  const words = {
    m,
    keys,
    character,
    button: (name: string, ...states: string[]) =>
      [name, m('audio.role.button'), ...states].join(', '),
    field: (name: string, role: 'textField' | 'passwordField' | 'codeField', value?: string) =>
      [name, m(`audio.role.${role}`), value ?? m('audio.state.empty')].join(', '),
    checkbox: (name: string, checked: boolean) =>
      [
        name,
        m('audio.role.checkbox'),
        m(checked ? 'audio.state.checked' : 'audio.state.notChecked'),
      ].join(', '),
    entered: (count: number) => m('audio.charactersEntered', { count }, count),
    step: (current: number, total: number, name: string) =>
      m('steps.label', { current, total, name: m(`steps.${name}`) }),
    /** The password field reads the live checklist as its description. */
    checklist: (password: string) => {
      const met = checkCompositionRules(password)
      const count = compositionRules.filter((rule) => met[rule]).length
      return [
        m('password.rulesTitle'),
        ...compositionRules.map(
          (rule) =>
            `${m(`password.rules.${rule}`)} (${m(met[rule] ? 'password.ruleMet' : 'password.ruleNotMet')})`,
        ),
        m('password.rulesProgress', { met: count, total: compositionRules.length }, count),
      ].join(' ')
    },
    /** Each press of the wheel typing `text`, and what it says; a secret echoes only "entered". */
    typing: (text: string, secret: boolean) =>
      wheelPresses(text).map(({ press, lands, group }) => ({
        press,
        said: group
          ? [m(`audio.group.${group}`), character(lands)]
          : [secret && press === 'Numpad5' ? m('audio.characterEntered') : character(lands)],
      })),
  }
  return words
}

/**
 * One utterance as expected: its words in the screen's language, or words and language; the words
 * may be a matcher where they hold a time (`expect.stringMatching`).
 */
export type Expected =
  string | Spoken | { text: ReturnType<typeof expect.stringMatching>; lang: string }

/** A listener at the kiosk's headphones: presses keys and checks exactly what follows. */
export async function listen(page: Page, locale: Locale) {
  let heard = (await spokenSoFar(page)).length
  const words = wordsOf(locale)
  async function press(code: string, said: Expected[]) {
    await page.keyboard.press(code)
    await expectNext(said)
  }
  async function expectNext(said: Expected[]) {
    const expected = said.map((text) => (typeof text === 'string' ? { text, lang: locale } : text))
    await expect
      .poll(async () => (await spokenSoFar(page)).slice(heard), { timeout: 10_000 })
      .toEqual(expected)
    heard += expected.length
  }
  /** Presses and takes the next utterance as said, for words that depend on the clock. */
  async function pressAndTake(code: string): Promise<Spoken> {
    await page.keyboard.press(code)
    await expect.poll(async () => (await spokenSoFar(page)).length).toBeGreaterThan(heard)
    const next = (await spokenSoFar(page))[heard]!
    heard += 1
    return next
  }
  /** Starts editing the field under the cursor, types `text` with the wheel, and finishes. */
  async function typeInField(
    name: string,
    text: string,
    role: 'textField' | 'passwordField',
    after: string,
  ) {
    const prompt = words.m('audio.editWheel', { name, ...words.keys })
    await press('Numpad5', [prompt, 'a'])
    for (const { press: code, said } of words.typing(text, role === 'passwordField'))
      await press(code, said)
    await press('NumpadEnter', [after])
  }
  return { locale, press, pressAndTake, expectNext, typeInField, words, m: words.m }
}
