import { z } from 'zod'
import { supportedLocales } from './locale-codes'

export { DEFAULT_LOCALE, supportedLocales } from './locale-codes'
export const Locale = z.enum(supportedLocales)
export type Locale = z.infer<typeof Locale>
