import { createI18n } from 'vue-i18n'
import enCA from '../../locales/en-CA.json'
import frCA from '../../locales/fr-CA.json'
import { DEFAULT_LOCALE, type Locale } from '@shared/locales'

/** Every locale has the shape of fr-CA: a missing or misspelled key is a type error. */
export type MessageSchema = typeof frCA

/**
 * French counts 0 and 1 as singular ("il reste 1 essai", "0 exigence respectée"); vue-i18n's
 * default rule is the English one. Messages have two forms (singular | plural) or three
 * (none | one | more).
 */
export function frenchPlural(count: number, forms: number): number {
  const n = Math.abs(count)
  if (forms === 2) return n < 2 ? 0 : 1
  return Math.min(n, 2)
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'fr-CA': frCA, 'en-CA': enCA },
  pluralRules: { 'fr-CA': frenchPlural },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
