import { createI18n } from 'vue-i18n'
import enCA from '../locales/en-CA.json'
import frCA from '../locales/fr-CA.json'
import { DEFAULT_LOCALE, supportedLocales, type Locale } from '@shared/locale-codes'

/** Every locale has the shape of fr-CA: a missing or misspelled key is a type error. */
export type MessageSchema = typeof frCA

/** English has every key of French: a key missing from either is a type error here. */
const englishMessages: MessageSchema = enCA
const frenchMessages: typeof enCA = frCA

/** The console's two languages come with it (a few kilobytes each, compiled at build time). */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'fr-CA': frenchMessages, 'en-CA': englishMessages },
  missingWarn: false,
  fallbackWarn: false,
})

const STORED_LOCALE = 'mescertif-console-locale'

/** The language of the page, remembered in this browser (nothing personal: a language code). */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  localStorage.setItem(STORED_LOCALE, locale)
}

export function startingLocale(): Locale {
  const stored = localStorage.getItem(STORED_LOCALE)
  if (stored && (supportedLocales as readonly string[]).includes(stored)) return stored as Locale
  return navigator.language.toLowerCase().startsWith('en') ? 'en-CA' : DEFAULT_LOCALE
}
