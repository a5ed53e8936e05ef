import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto'
import { normalizePassword } from '@shared/password-policy'

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1. */
export const DEFAULT_SCRYPT_COST = 2 ** 17
const BLOCK_SIZE = 8
const PARALLELISM = 1
const KEY_LENGTH = 32

function scrypt(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost,
    r: BLOCK_SIZE,
    p: PARALLELISM,
    maxmem: 256 * cost * BLOCK_SIZE,
  }
  return new Promise((resolve, reject) =>
    scryptCallback(normalizePassword(password), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
  /** Spends the same time as a verify, for unknown accounts (no timing oracle). */
  burn(password: string): Promise<void>
}

/**
 * A password against the stored hash, or, without one (an unknown address, a disabled account),
 * the same hashing time spent on nothing: a sign-in's answer and its time say nothing of who has
 * an account.
 */
export async function verifyOrBurn(
  hasher: PasswordHasher,
  password: string,
  stored: string | null | undefined,
): Promise<boolean> {
  if (stored) return hasher.verify(password, stored)
  await hasher.burn(password)
  return false
}

/** Stored as `scrypt$N$r$p$salt$key` so the cost can be raised later without a migration. */
export function createPasswordHasher(cost = DEFAULT_SCRYPT_COST): PasswordHasher {
  const dummySalt = randomBytes(16)
  return {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await scrypt(password, salt, cost)
      return [
        'scrypt',
        cost,
        BLOCK_SIZE,
        PARALLELISM,
        salt.toString('base64'),
        key.toString('base64'),
      ].join('$')
    },
    async verify(password, stored) {
      const [scheme, n, , , salt, key] = stored.split('$')
      if (scheme !== 'scrypt' || !n || !salt || !key) return false
      const expected = Buffer.from(key, 'base64')
      const actual = await scrypt(password, Buffer.from(salt, 'base64'), Number(n))
      return actual.length === expected.length && timingSafeEqual(actual, expected)
    },
    async burn(password) {
      await scrypt(password, dummySalt, cost)
    },
  }
}
