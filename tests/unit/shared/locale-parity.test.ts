import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import enCA from '@locales/en-CA.json'
import frCA from '@locales/fr-CA.json'
import { AUDIT_DETAIL } from '@shared/api/console/audit-detail'
import { errorCodes } from '@shared/error-codes'

const consoleLocale = (name: string): unknown =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../../console/locales/${name}.json`), 'utf8'),
  )

function flatten(messages: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>()
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object')
      for (const [k, v] of flatten(value, path)) entries.set(k, v)
    else entries.set(path, value)
  }
  return entries
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe.each([
  { product: 'the kiosk', frMessages: frCA as unknown, enMessages: enCA as unknown },
  {
    product: 'the console',
    frMessages: consoleLocale('fr-CA'),
    enMessages: consoleLocale('en-CA'),
  },
])('locale parity: $product', ({ frMessages, enMessages }) => {
  const fr = flatten(frMessages)
  const en = flatten(enMessages)

  it('both locales have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort())
  })

  it('no value is empty or untranslated', () => {
    for (const [key, value] of fr) {
      expect(typeof value, key).toBe('string')
      expect((value as string).trim(), `fr-CA ${key}`).not.toBe('')
      expect((en.get(key) as string).trim(), `en-CA ${key}`).not.toBe('')
    }
  })

  it('each message has the same placeholders and plural forms in both languages', () => {
    for (const [key, value] of fr) {
      expect(placeholders(en.get(key) as string), key).toEqual(placeholders(value as string))
      expect((en.get(key) as string).split(' | ').length, key).toBe(
        (value as string).split(' | ').length,
      )
    }
  })
})

describe('the console’s audit', () => {
  it('has words in both languages for every detail the service writes', () => {
    for (const name of ['fr-CA', 'en-CA']) {
      const messages = flatten(consoleLocale(name))
      for (const word of Object.values(AUDIT_DETAIL))
        expect(messages.get(`audit.details.${word}`), `${name} ${word}`).toEqual(expect.any(String))
    }
  })

  it('says in both languages why a row was refused, for every error code there is', () => {
    for (const name of ['fr-CA', 'en-CA']) {
      const messages = flatten(consoleLocale(name))
      for (const code of errorCodes)
        expect(messages.get(`audit.refusals.${code}`), `${name} ${code}`).toEqual(
          expect.any(String),
        )
    }
  })
})
