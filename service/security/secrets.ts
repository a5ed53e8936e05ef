import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { ENROLMENT_CODE_ALPHABET, ENROLMENT_CODE_LENGTH } from '@shared/api/staff'
import { limits } from '../limits'

/** For high-entropy secrets only (link, session and device tokens: 256 random bits). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** 32 random bytes, base64url without padding: 43 characters (docs/product.md, "Mail links"). */
export const newLinkToken = () => randomBytes(limits.linkTokenBytes).toString('base64url')
export const newSessionToken = () => randomBytes(limits.sessionTokenBytes).toString('base64url')
/** A device token: 256 random bits as base64url, printed once by `add-device`. */
export const newDeviceToken = () => randomBytes(32).toString('base64url')
export const newId = () => randomBytes(16).toString('hex')

/** Six digits from the CSPRNG, leading zeros kept. */
export const newCode = () =>
  String(randomInt(0, 10 ** limits.codeDigits)).padStart(limits.codeDigits, '0')

/** A staff enrolment code: 12 characters of an unambiguous alphabet (60 bits), from the CSPRNG. */
export const newEnrolmentCode = () =>
  Array.from(
    { length: ENROLMENT_CODE_LENGTH },
    () => ENROLMENT_CODE_ALPHABET[randomInt(0, ENROLMENT_CODE_ALPHABET.length)],
  ).join('')

/** `ABCDEFGHJKLM` → `ABCD-EFGH-JKLM`, the way IT reads it out. */
export const formatEnrolmentCode = (code: string) => code.match(/.{1,4}/g)!.join('-')

/**
 * Codes are bound to the verification that created them (its id is in the MAC) and keyed with
 * the service key, which is not in the database: a six-digit code under a plain hash would fall
 * to a million guesses by anyone holding a copy of the database.
 */
export const hashCode = (serviceKey: Buffer, verificationId: string, code: string) =>
  createHmac('sha256', serviceKey).update(`${verificationId}:${code}`).digest('hex')

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
