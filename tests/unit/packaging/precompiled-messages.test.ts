import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import enCA from '@locales/en-CA.json'
import frCA from '@locales/fr-CA.json'
import { compileMessages } from '../../../vite.precompiled-messages'

type Tree = { [key: string]: Tree | string }

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  )

/** One value for every placeholder the locales use, each recognisable in the output. */
const params = Object.fromEntries(
  [...JSON.stringify([frCA, enCA]).matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, `«${name}»`]),
)

type Translate = (key: string, named: object, options: { locale: string; plural: number }) => string

/** vue-i18n's `t` over these messages, untyped: the keys come from the files at run time. */
const translatorOf = (messages: Record<'fr-CA' | 'en-CA', unknown>): Translate => {
  const i18n = createI18n({ legacy: false, locale: 'fr-CA', messages: messages as never })
  return (i18n as unknown as { global: { t: Translate } }).global.t
}

describe('messages compiled at build time (vite.precompiled-messages.ts)', () => {
  it('every message of both locales reads as vue-i18n’s own compiler makes it read', () => {
    const fromSource = translatorOf({ 'fr-CA': frCA, 'en-CA': enCA })
    const precompiled = translatorOf({
      'fr-CA': compileMessages(frCA, 'fr-CA.json'),
      'en-CA': compileMessages(enCA, 'en-CA.json'),
    })
    const keys = keysOf(frCA)
    expect(keys.length).toBeGreaterThan(200)
    for (const locale of ['fr-CA', 'en-CA'] as const)
      for (const key of keys)
        for (const count of [0, 1, 3]) {
          const expected = fromSource(key, { ...params, n: count }, { locale, plural: count })
          expect(expected, key).not.toBe(key)
          expect(precompiled(key, { ...params, n: count }, { locale, plural: count }), key).toBe(
            expected,
          )
        }
  })

  it('a message the compiler refuses stops the build, naming its file and key', () => {
    expect(() => compileMessages({ code: { resent: 'Envoyé à {email' } }, 'fr-CA.json')).toThrow(
      /fr-CA\.json code\.resent: /,
    )
  })

  it('the compiler is the very version vue-i18n’s runtime reads the compiled messages with', () => {
    const require = createRequire(import.meta.url)
    const fromCoreBase = createRequire(require.resolve('@intlify/core-base'))
    expect(require('@intlify/message-compiler/package.json').version).toBe(
      fromCoreBase('@intlify/message-compiler/package.json').version,
    )
  })
})
