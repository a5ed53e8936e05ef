import { z } from 'zod'

/**
 * The versions of the legal texts the kiosk shows (`locales/*.json` → `legal.*.body` ends with
 * "Version <version>"). A registration says which versions the person accepted, and the service
 * records them with the account (Quebec's Law 25 and PIPEDA ask us to be able to show consent).
 * Publishing a new text means a new version here and in both locales; a kiosk that still shows
 * the old text is then refused until it is updated, since consent to a superseded text is not
 * consent to the current one.
 */
export const legalDocuments = {
  terms: { version: '2026-06-01' },
  privacy: { version: '2026-06-01' },
} as const

export type LegalDocument = keyof typeof legalDocuments
export const legalDocumentNames = Object.keys(legalDocuments) as LegalDocument[]

export const TermsVersion = z.literal(legalDocuments.terms.version)
export const PrivacyVersion = z.literal(legalDocuments.privacy.version)
