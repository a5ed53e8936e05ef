import { beforeAll, describe, expect, it, vi } from 'vitest'

/**
 * The list is read once per process, at its first use; the module is loaded afresh for this file,
 * so that what its first test checks includes reading the list, whichever file ran before. Loaded
 * in `beforeAll`, not in each test: the shared modules it loads again are then not taken by the
 * mutation run for code these tests alone reach (tests/mutation/survivors.md, static mutants).
 */
let isCommonPassword: (password: string) => boolean
beforeAll(async () => {
  vi.resetModules()
  ;({ isCommonPassword } = await import('@service/security/common-passwords'))
})

describe('the common-password check', () => {
  it.each([
    ['a listed password', 'password'],
    ['in another case', 'PassWord'],
    ['dressed up with digits and symbols around it', 'Password1234!!'],
    ['with symbols in front', '##Sunshine2026'],
  ])('refuses %s', (_case, password) => {
    expect(isCommonPassword(password)).toBe(true)
  })

  it.each([
    ['a passphrase', 'Rivière-Bleue#2026!'],
    ['a listed word inside other letters', 'xpasswordx2026!'],
    ['a listed word with a digit inside', 'Sun2shine#2026'],
    ['a listed word with a symbol inside', 'Sun-shine#2026'],
  ])('accepts %s', (_case, password) => {
    expect(isCommonPassword(password)).toBe(false)
  })

  it('an empty password is not on the list (it fails the length rule instead)', () => {
    expect(isCommonPassword('')).toBe(false)
  })

  it('a core of 4 letters is enough to be recognised', () => {
    expect(isCommonPassword('Pass2026!!')).toBe(true)
  })
})
