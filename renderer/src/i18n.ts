import { createI18n } from 'vue-i18n'
import enCA from '../../locales/en-CA.json'
import frCA from '../../locales/fr-CA.json'
import { DEFAULT_LOCALE, type Locale } from '@shared/locales'

/** Every locale has the shape of fr-CA: a missing or misspelled key is a type error. */
export type MessageSchema = typeof frCA

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'fr-CA': frCA, 'en-CA': enCA },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
