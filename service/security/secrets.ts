import { createHash, randomBytes, randomInt } from 'node:crypto'
import { limits } from '../limits'

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** 32 random bytes, base64url without padding: 43 characters (SPEC §4). */
export const newLinkToken = () => randomBytes(limits.linkTokenBytes).toString('base64url')
export const newSessionToken = () => randomBytes(limits.sessionTokenBytes).toString('base64url')
export const newId = () => randomBytes(16).toString('hex')

/** Six digits from the CSPRNG, leading zeros kept. */
export const newCode = () =>
  String(randomInt(0, 10 ** limits.codeDigits)).padStart(limits.codeDigits, '0')

/** Codes are bound to the verification that created them: the id salts the hash. */
export const hashCode = (verificationId: string, code: string) =>
  sha256(`${verificationId}:${code}`)
