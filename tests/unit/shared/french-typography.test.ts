import { describe, expect, it } from 'vitest'
import frCA from '@locales/fr-CA.json'

/**
 * French typography of the kiosk's French, as the OQLF recommends and Quebec uses it: a
 * non-breaking space before a colon, inside « », between a number and its unit (so no line breaks
 * there), no space before ? ! ;, and the typographic apostrophe ’ — checked on every message,
 * legal texts included.
 */
function messages(node: unknown, prefix = ''): [string, string][] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : messages(value, `${prefix}${key}.`),
  )
}

const NBSP = '\u00a0'
/** vue-i18n's literals ({'@'}) are message syntax, not text: their quotes are not apostrophes. */
const withoutLiterals = (text: string) => text.replace(/\{'[^']*'\}/g, '')
const all = messages(frCA)

describe('fr-CA typography', () => {
  it.each(all)('%s', (_key, text) => {
    expect(text, 'a colon without a non-breaking space before it').not.toMatch(
      new RegExp(`[^${NBSP}]:`),
    )
    expect(text, '« without a non-breaking space after it').not.toMatch(new RegExp(`«[^${NBSP}]`))
    expect(text, '» without a non-breaking space before it').not.toMatch(new RegExp(`[^${NBSP}]»`))
    expect(text, 'a space before ? ! or ; (Quebec usage)').not.toMatch(/\s[?!;]/)
    expect(text, 'an ordinary space between a number and its unit').not.toMatch(
      /(\d|\}) (s|min|h|cm|jours|minutes|chiffres)\b/,
    )
    expect(text, 'a pseudo-plural like essai(s)').not.toMatch(/\w\(s\)/)
    expect(withoutLiterals(text), 'a straight apostrophe instead of ’').not.toContain("'")
  })

  it('says "can\'t sign in" one way only, the help page\'s', () => {
    const mentions = all.filter(([, text]) => /connecter\s*\?/.test(text))
    expect(mentions.length).toBeGreaterThan(2)
    for (const [key, text] of mentions)
      expect(text, key).toContain('Vous ne pouvez vous connecter?')
  })

  it('the rule can fail: ordinary spaces and straight apostrophes are caught', () => {
    expect('Fichier : {path}').toMatch(new RegExp(`[^${NBSP}]:`))
    expect('dans {seconds} s.').toMatch(/(\d|\}) (s|min)\b/)
    expect(withoutLiterals("J'ai un lien, nom{'@'}exemple.ca")).toContain("'")
    expect(withoutLiterals("J’ai un lien, nom{'@'}exemple.ca")).not.toContain("'")
  })
})
