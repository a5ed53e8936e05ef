import { describe, expect, it } from 'vitest'
import { PASSWORD_MAX_LENGTH } from '@shared/password-policy'
import { codeProblem } from '@renderer/stores/code-check'
import {
  emailProblem,
  passwordPairProblems,
  problemsOf,
  requiredProblem,
} from '@renderer/stores/field-checks'

const GOOD = 'Rivière-Bleue#2026!'
const person = { firstName: 'Gabrielle', lastName: 'Ouellet', email: 'g.ouellet@example.ca' }

describe('the password pair', () => {
  it('passes a good password typed twice', () => {
    expect(passwordPairProblems(GOOD, GOOD, person)).toEqual({ fields: {}, hiddenRules: [] })
  })

  it('asks for both fields when they are empty', () => {
    expect(passwordPairProblems('', '', person)).toEqual({
      fields: { password: 'required', confirm: 'required' },
      hiddenRules: [],
    })
  })

  it('catches a confirmation that differs, even by one character', () => {
    expect(passwordPairProblems(GOOD, `${GOOD}x`, person).fields).toEqual({ confirm: 'mismatch' })
    expect(passwordPairProblems(GOOD, GOOD.replace('B', 'b'), person).fields).toEqual({
      confirm: 'mismatch',
    })
  })

  it('refuses a password the checklist shows failing, without repeating those rules', () => {
    expect(passwordPairProblems('Short1!a', 'Short1!a', person)).toEqual({
      fields: { password: 'invalid' },
      hiddenRules: [],
    })
  })

  it('takes 14 characters exactly, not 13', () => {
    expect(passwordPairProblems('Abcdefgh-2026!', 'Abcdefgh-2026!', person).fields).toEqual({})
    expect(passwordPairProblems('Abcdefg-2026!', 'Abcdefg-2026!', person).fields).toEqual({
      password: 'invalid',
    })
  })

  it('names the rules the checklist cannot show: the person’s name inside, and the length cap', () => {
    const withName = 'Gabrielle-2026-Laval!'
    expect(passwordPairProblems(withName, withName, person)).toEqual({
      fields: { password: 'invalid' },
      hiddenRules: ['personalInfo'],
    })
    const tooLong = `Aa1!${'x'.repeat(PASSWORD_MAX_LENGTH - 3)}`
    expect(passwordPairProblems(tooLong, tooLong, person).hiddenRules).toEqual(['maxLength'])
  })

  it('checks the address’s local part when the names are not known (recovery)', () => {
    const withAddress = 'Ouellet-2026-Laval!'
    expect(passwordPairProblems(withAddress, withAddress, { email: person.email })).toEqual({
      fields: { password: 'invalid' },
      hiddenRules: ['personalInfo'],
    })
  })
})

describe('field checks before sending', () => {
  it('a required field is not blank', () => {
    expect(requiredProblem('  ')).toBe('required')
    expect(requiredProblem(' Élise ')).toBeUndefined()
  })

  it('an address is there and is one, spaces and capitals aside', () => {
    expect(emailProblem(' ')).toBe('required')
    expect(emailProblem('elise.poirier')).toBe('invalid')
    expect(emailProblem(' Elise.Poirier@Example.CA ')).toBeUndefined()
  })

  it('a code is the shared rule’s six digits', () => {
    expect(codeProblem('')).toBe('required')
    expect(codeProblem('12345')).toBe('too_short')
    expect(codeProblem('123456')).toBeUndefined()
  })

  it('problems keep only the fields at fault, in the order given', () => {
    const found = problemsOf({ firstName: undefined, lastName: 'required', email: 'invalid' })
    expect(found).toEqual({ lastName: 'required', email: 'invalid' })
    expect(Object.keys(found)).toEqual(['lastName', 'email'])
  })
})
