import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  commonPasswordCount,
  isCommonPassword,
  readCommonPasswords,
} from '@service/security/common-passwords'

describe('the common-password list', () => {
  it('is read trimmed, in lower case, without blank lines', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'common-')), 'list.txt')
    writeFileSync(file, '  Password \r\n\nSUNSHINE\n\n')
    expect([...readCommonPasswords(file)]).toEqual(['password', 'sunshine'])
  })

  it('holds the 10,000 passwords shipped beside the service', () => {
    expect(commonPasswordCount()).toBe(10_000)
  })
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
