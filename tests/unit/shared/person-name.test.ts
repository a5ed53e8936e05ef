import { describe, expect, it } from 'vitest'
import { RegistrationRequest } from '@shared/api/schemas'
import { ipcContract } from '@shared/ipc/contract'
import { PersonName } from '@shared/person-name'

describe('the one rule for names (kiosk and service)', () => {
  it.each([
    'Camille',
    'Marie-Ève',
    "O'Brien",
    'O’Brien',
    'J. R.',
    'Nguyễn Thị',
    'Ólafur',
    'Zoë',
    'محمد',
    '李',
    'Nakamura Ōtani',
    // Devanagari writes vowels as combining marks that no precomposed letter replaces.
    'अनन्या',
    'a'.repeat(100),
  ])('accepts %s', (name) => {
    expect(PersonName.safeParse(name).success).toBe(true)
  })

  it.each([
    ['a NUL byte', 'Ann\u0000a'],
    ['a control character', 'Ann\u0007a'],
    ['a line break', 'Ann\na'],
    ['a tab inside', 'Ann\ta'],
    ['a digit', 'Anna2'],
    ['markup', '<b>Anna</b>'],
    ['an at sign', 'anna@example'],
    ['a zero-width joiner', 'An\u200dna'],
    ['a right-to-left override', 'An\u202ena'],
    ['only punctuation', "-'."],
    ['a leading combining mark', '\u0301Anna'],
    ['101 letters', 'a'.repeat(101)],
    ['nothing but spaces', '   '],
  ])('refuses %s', (_what, name) => {
    expect(PersonName.safeParse(name).success).toBe(false)
  })

  it('stores names in NFC: "é" typed as e + combining accent is one letter', () => {
    expect(PersonName.parse(' Rene\u0301e ')).toBe('Renée')
  })

  it('the service contract and the kiosk contract use this same rule', () => {
    const person = {
      firstName: 'Ann\u0000a',
      lastName: 'Roy',
      email: 'a@example.ca',
      password: 'x',
      locale: 'fr-CA',
      acceptTerms: true,
      acceptPrivacy: true,
    }
    expect(ipcContract['registration.submit'].request.safeParse(person).success).toBe(false)
    const service = RegistrationRequest.safeParse(person)
    expect(service.error?.issues.map((issue) => issue.path.join('.'))).toContain('firstName')
  })
})
