import { describe, expect, it } from 'vitest'
import {
  checkCompositionRules,
  containsPersonalInfo,
  failedLocalRules,
  normalizePassword,
  passwordLength,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@shared/password-policy'

/** Meets every composition rule; `pad` only changes the length. */
const withLength = (length: number) => `Aa1!${'x'.repeat(length - 4)}`

describe('the password policy: composition', () => {
  it('14 characters exactly is long enough; 13 is not', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(14)
    expect(failedLocalRules(withLength(14))).toEqual([])
    expect(failedLocalRules(withLength(13))).toEqual(['minLength'])
  })

  it('128 characters exactly is accepted; 129 is too long, and never truncated', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(128)
    expect(failedLocalRules(withLength(128))).toEqual([])
    expect(failedLocalRules(withLength(129))).toEqual(['maxLength'])
  })

  it('counts characters as a person does: an emoji is one, not two UTF-16 units', () => {
    const thirteenAndAnEmoji = `${withLength(13)}🎓`
    expect(thirteenAndAnEmoji.length).toBe(15)
    expect(passwordLength(thirteenAndAnEmoji)).toBe(14)
    expect(failedLocalRules(thirteenAndAnEmoji)).toEqual([])
  })

  it('compares in NFKC: a full-width letter is the plain letter', () => {
    expect(normalizePassword('ＡＢＣ１')).toBe('ABC1')
  })

  it.each([
    ['no special character', 'Abcdefghijklm1', 'special'],
    ['no digit', 'Abcdefghijklm!', 'digit'],
    ['no upper case', 'abcdefghijklm1!', 'mixedCase'],
    ['no lower case', 'ABCDEFGHIJKLM1!', 'mixedCase'],
  ])('%s fails exactly that rule', (_case, password, rule) => {
    expect(failedLocalRules(password)).toEqual([rule])
    expect(checkCompositionRules(password)).toMatchObject({ [rule]: false })
  })

  it('a space is not a special character; letters and digits of any script count as such', () => {
    expect(checkCompositionRules('Abc def')).toMatchObject({ special: false })
    expect(checkCompositionRules('Été٣')).toMatchObject({ digit: true, mixedCase: true })
  })

  it('lists each rule a weak password fails, for the live checklist', () => {
    expect(checkCompositionRules('abc')).toEqual({
      minLength: false,
      special: false,
      digit: false,
      mixedCase: false,
    })
    expect(checkCompositionRules('Rivière-Bleue#2026!')).toEqual({
      minLength: true,
      special: true,
      digit: true,
      mixedCase: true,
    })
  })
})

describe('the password policy: personal information', () => {
  const person = {
    email: 'alex.tremblay-roy@example.ca',
    firstName: 'Marie-Ève',
    lastName: 'Côté Lavoie',
  }

  it.each([
    ['the whole email local part', 'Xalex.tremblay-roy#2026'],
    ['a piece of the local part', 'Tremblay#2026!!x'],
    ['the last piece of the local part', 'Roy#2026!!Xyzw'],
    ['the first name', 'MarieÈve#2026!!'],
    ['a piece of a hyphenated first name', 'Eve#2026!!Xyzwq'],
    ['the last name, accents ignored', 'cote lavoie#2026X'],
    ['a piece of a two-word last name', 'LAVOIE#2026!!xyz'],
  ])('refuses %s', (_case, password) => {
    expect(containsPersonalInfo(password, person)).toBe(true)
    expect(failedLocalRules(password, person)).toContain('personalInfo')
  })

  it('ignores pieces shorter than 3 letters, and the domain', () => {
    const short = { email: 'al.b@example.ca', firstName: 'Jo', lastName: 'Li' }
    expect(containsPersonalInfo('JoLiAl#b2026!!xyz', short)).toBe(false)
    expect(containsPersonalInfo('Example#2026!!xyz', person)).toBe(false)
  })

  it('a part not given adds nothing: ordinary words are not taken for a missing name', () => {
    const passwords = ['Washington#2026!', 'Somewhere here#2026']
    for (const missing of [
      {},
      { email: 'alex@example.ca' },
      { firstName: 'Alex' },
      { lastName: 'Tremblay' },
      { email: 'alex@example.ca', firstName: 'Alex' },
      { firstName: 'Alex', lastName: 'Tremblay' },
      { email: 'alex@example.ca', lastName: 'Tremblay' },
    ])
      for (const password of passwords)
        expect(
          containsPersonalInfo(password, missing),
          `${password} ${JSON.stringify(missing)}`,
        ).toBe(false)
  })

  it('checks each given piece on its own: a last name alone is enough', () => {
    expect(containsPersonalInfo('Gagnon#2026!!xyz', { lastName: 'Gagnon' })).toBe(true)
    expect(containsPersonalInfo('Gagnon#2026!!xyz', { email: 'gagnon@example.ca' })).toBe(true)
    expect(containsPersonalInfo('Gagnon#2026!!xyz', {})).toBe(false)
  })
})
