import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Staff PINs are stored only as a salted scrypt hash: `scrypt$N$salt$key` (docs/product.md, "Kiosk
 * behaviour").
 */
const COST = 2 ** 15
const KEY_LENGTH = 32

const derive = (pin: string, salt: Buffer, cost: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )

export { STAFF_PIN_PATTERN } from '@shared/staff-pin'

export async function hashStaffPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, COST)
  return ['scrypt', COST, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyStaffPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !cost || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(pin, Buffer.from(salt, 'base64'), Number(cost))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
