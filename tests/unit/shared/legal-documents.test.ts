import { describe, expect, it } from 'vitest'
import enCA from '@locales/en-CA.json'
import frCA from '@locales/fr-CA.json'
import { legalDocumentNames, legalDocuments } from '@shared/legal-documents'

describe('legal texts carry the version the kiosk sends as consent', () => {
  it.each(
    (['fr-CA', 'en-CA'] as const).flatMap((locale) =>
      legalDocumentNames.map((document) => [locale, document] as const),
    ),
  )('%s %s ends with its version from shared/legal-documents.ts', (locale, document) => {
    const body = (locale === 'fr-CA' ? frCA : enCA).legal[document].body
    expect(body.split('\n\n').at(-1)).toBe(`Version ${legalDocuments[document].version}`)
  })
})
