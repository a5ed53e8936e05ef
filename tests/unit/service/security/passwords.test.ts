import { describe, expect, it } from 'vitest'
import { createPasswordHasher } from '@service/security/passwords'

const COST = 2 ** 10

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$key with the cost it was made with, and a fresh salt each time', async () => {
    const hasher = createPasswordHasher(COST)
    const first = await hasher.hash('Rivière-Bleue#2026!')
    const second = await hasher.hash('Rivière-Bleue#2026!')
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(first).not.toBe(second)
  })

  it('the cost is really used: the same password and salt at another cost give another key', async () => {
    const stored = await createPasswordHasher(COST).hash('Rivière-Bleue#2026!')
    const [scheme, , r, p, salt, key] = stored.split('$')
    const atOtherCost = [scheme, COST * 2, r, p, salt, key].join('$')
    const hasher = createPasswordHasher(COST)
    expect(await hasher.verify('Rivière-Bleue#2026!', stored)).toBe(true)
    expect(await hasher.verify('Rivière-Bleue#2026!', atOtherCost)).toBe(false)
  })

  it('verifies at the stored cost, so raising the cost later keeps old hashes working', async () => {
    const old = await createPasswordHasher(COST).hash('Rivière-Bleue#2026!')
    expect(await createPasswordHasher(COST * 4).verify('Rivière-Bleue#2026!', old)).toBe(true)
  })

  it('refuses a wrong password, and compares in NFKC', async () => {
    const hasher = createPasswordHasher(COST)
    const stored = await hasher.hash('ＡＢＣ-Bleue#2026!')
    expect(await hasher.verify('ABC-Bleue#2026!', stored)).toBe(true)
    expect(await hasher.verify('ABC-Bleue#2026?', stored)).toBe(false)
  })

  it('checks only scrypt hashes: another scheme with a matching key is no match', async () => {
    const hasher = createPasswordHasher(COST)
    const stored = await hasher.hash('Rivière-Bleue#2026!')
    const relabelled = stored.replace(/^scrypt\$/, 'argon2$')
    expect(await hasher.verify('Rivière-Bleue#2026!', relabelled)).toBe(false)
  })

  it.each([
    ['another scheme', 'bcrypt$1024$8$1$c2FsdA==$a2V5'],
    ['no cost', 'scrypt$$8$1$c2FsdA==$a2V5'],
    ['no salt', 'scrypt$1024$8$1$$a2V5'],
    ['no key', 'scrypt$1024$8$1$c2FsdA==$'],
    ['a key of another length', 'scrypt$1024$8$1$c2FsdA==$a2V5'],
  ])('treats a stored value with %s as no match', async (_case, stored) => {
    expect(await createPasswordHasher(COST).verify('x', stored)).toBe(false)
  })

  it('burn spends a hash at the hasher’s own cost, as a verify would, and answers nothing', async () => {
    await expect(createPasswordHasher(COST).burn('x')).resolves.toBeUndefined()
    // scrypt refuses a cost that is not a power of two: burn really runs it, at that cost.
    await expect(createPasswordHasher(1000).hash('x')).rejects.toThrow()
    await expect(createPasswordHasher(1000).burn('x')).rejects.toThrow()
  })
})
