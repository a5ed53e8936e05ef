import { z } from 'zod'

export const PERSON_NAME_MAX_LENGTH = 100

/**
 * A person's first or last name, one rule for the kiosk and the service: letters and combining
 * marks of any script, spaces, apostrophes (' and ’), hyphens and periods ("Marie-Ève",
 * "O’Brien", "J. R."), stored in Unicode NFC so that "é" typed two ways is one name. Control
 * characters, NUL, digits, symbols and invisible format characters are refused: a name is printed
 * in mails and shown to counter staff, and must never carry anything else.
 */
const ALLOWED = /^[\p{L}\p{M} '’.\-‐]+$/u
const STARTS_WITH_MARK = /^\p{M}/u
const HAS_LETTER = /\p{L}/u

export function isPersonName(name: string): boolean {
  return ALLOWED.test(name) && HAS_LETTER.test(name) && !STARTS_WITH_MARK.test(name)
}

export const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(PERSON_NAME_MAX_LENGTH)
  .normalize('NFC')
  .refine(isPersonName)
