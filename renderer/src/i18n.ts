import { createI18n } from 'vue-i18n'
import type frCA from '../../locales/fr-CA.json'
import { a11y, app, header, welcome } from '../../locales/fr-CA.json'
import { DEFAULT_LOCALE, supportedLocales, type Locale } from '@shared/locale-codes'

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

/**
 * Only what the first screen and the frame around it say comes with the app: the default
 * language's `app`, `header` and `welcome` sections, with the accessibility bar's `a11y` section
 * (docs/performance.md). The service banner, the config error screen and every screen but Welcome
 * are loaded with all the messages.
 * Every message, in both languages, loads when the browser is idle after start, or before the
 * first screen that needs them (`main.ts`), vue-i18n's lazy loading.
 */
const startMessages = { a11y, app, header, welcome }

const allMessages: Record<Locale, () => Promise<MessageSchema>> = {
  'fr-CA': async () => (await import('../../locales/fr-CA.json?lazy')).default as MessageSchema,
  'en-CA': async () => (await import('../../locales/en-CA.json')).default,
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  // A part of one language until `loadMessages` brings the whole of each.
  messages: { [DEFAULT_LOCALE]: startMessages } as unknown as Record<Locale, MessageSchema>,
  pluralRules: { 'fr-CA': frenchPlural },
  missingWarn: false,
  fallbackWarn: false,
})

const loaded = new Map<Locale, Promise<void>>()

function loadMessages(locale: Locale): Promise<void> {
  let loading = loaded.get(locale)
  if (!loading) {
    loading = allMessages[locale]().then((messages) =>
      i18n.global.setLocaleMessage(locale, messages),
    )
    loaded.set(locale, loading)
  }
  return loading
}

export const loadAllMessages = async () => {
  await Promise.all(supportedLocales.map(loadMessages))
}

/** Switches at once when the messages are there (after the idle preload), else once they are. */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale !== DEFAULT_LOCALE) await loadMessages(locale)
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
