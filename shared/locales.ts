import { z } from 'zod'

export const supportedLocales = ['fr-CA', 'en-CA'] as const
export const Locale = z.enum(supportedLocales)
export type Locale = z.infer<typeof Locale>
export const DEFAULT_LOCALE: Locale = 'fr-CA'
