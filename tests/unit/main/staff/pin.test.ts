import { describe, expect, it } from 'vitest'
import { hashStaffPin, verifyStaffPin } from '@main/staff/pin'

describe('the staff PIN hash', () => {
  it('is scrypt$N$salt$key at N=2^15 with a fresh salt, and verifies only its PIN', async () => {
    const stored = await hashStaffPin('13572468')
    expect(stored).toMatch(/^scrypt\$32768\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(await hashStaffPin('13572468')).not.toBe(stored)
    expect(await verifyStaffPin('13572468', stored)).toBe(true)
    expect(await verifyStaffPin('13572469', stored)).toBe(false)
  })

  it('verifies at the cost written in the hash: the same key at another cost does not match', async () => {
    const [scheme, , salt, key] = (await hashStaffPin('13572468')).split('$')
    expect(await verifyStaffPin('13572468', [scheme, 2 ** 14, salt, key].join('$'))).toBe(false)
  })

  it.each([
    ['another scheme', (parts: string[]) => ['argon2', ...parts.slice(1)]],
    ['no salt', (parts: string[]) => [parts[0], parts[1], '', parts[3]]],
    ['no key', (parts: string[]) => [parts[0], parts[1], parts[2], '']],
    [
      'a key cut short',
      (parts: string[]) => [parts[0], parts[1], parts[2], parts[3]!.slice(0, 20)],
    ],
  ])('a stored hash with %s matches nothing', async (_case, damage) => {
    const parts = (await hashStaffPin('13572468')).split('$')
    expect(await verifyStaffPin('13572468', damage(parts).join('$'))).toBe(false)
  })
})
