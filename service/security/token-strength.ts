/**
 * Device and admin tokens are stored (or compared) as unsalted SHA-256: safe only for tokens with
 * at least 256 bits of randomness, which no offline guessing reaches. A token's randomness cannot
 * be measured from one sample; this estimates an upper bound from its length and the smallest
 * common alphabet that holds it (hex, base32/36, base64/base64url, printable ASCII), and refuses a
 * token with few distinct characters. `add-device` prints 32 random bytes as base64url (43
 * characters); `openssl rand -hex 32` and `openssl rand -base64 32` pass too.
 */
const alphabets: [pattern: RegExp, size: number][] = [
  [/^[0-9]+$/, 10],
  [/^[0-9a-f]+$/, 16],
  [/^[0-9A-F]+$/, 16],
  [/^[0-9a-z]+$/, 36],
  [/^[0-9A-Z]+$/, 36],
  [/^[0-9A-Za-z]+$/, 62],
  [/^[0-9A-Za-z_-]+$/, 64],
  [/^[0-9A-Za-z+/]+={0,2}$/, 64],
  [/^[\x21-\x7e]+$/, 94],
]

export const STRONG_TOKEN_BITS = 256
/** A random 64-character hex token shows at least this many distinct characters all but never. */
const MIN_DISTINCT_CHARACTERS = 12

/** At most how many bits of randomness a token can hold, as written. */
export function tokenEntropyBits(token: string): number {
  const size = alphabets.find(([pattern]) => pattern.test(token))?.[1]
  if (!size) return 0
  if (new Set(token.replace(/=+$/, '')).size < MIN_DISTINCT_CHARACTERS) return 0
  return token.replace(/=+$/, '').length * Math.log2(size)
}

export class WeakTokenError extends Error {}

/** Refuses a token under 32 bytes of entropy, naming which one (never the token itself). */
export function assertStrongToken(token: string, which: string): void {
  if (tokenEntropyBits(token) < STRONG_TOKEN_BITS)
    throw new WeakTokenError(
      `${which} is too weak: a token needs 32 random bytes (e.g. \`openssl rand -base64 32\`, or the token \`add-device\` prints)`,
    )
}
