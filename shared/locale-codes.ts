/**
 * The kiosk's languages as plain data. The schema is in `locales.ts`; the renderer imports this
 * module instead, so that zod is not in what it loads at start (docs/performance.md).
 */
export const supportedLocales = ['fr-CA', 'en-CA'] as const
export type Locale = (typeof supportedLocales)[number]
export const DEFAULT_LOCALE: Locale = 'fr-CA'
