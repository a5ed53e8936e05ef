import { describe, expect, it } from 'vitest'
import enCA from '@locales/en-CA.json'
import frCA from '@locales/fr-CA.json'

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

describe('locale parity', () => {
  const fr = flatten(frCA)
  const en = flatten(enCA)

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
