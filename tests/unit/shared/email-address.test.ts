import { describe, expect, it } from 'vitest'
import { isEmailAddress, maskEmail, TYPED_EMAIL_MAX_LENGTH } from '@shared/email-address'
import { EmailAddress } from '@shared/email'

const addresses = [
  'alex.tremblay@example.ca',
  '  Alex.Tremblay@Example.CA \n',
  "o'brien+kiosk@cegep-levis.qc.ca",
  'a@b.co',
  'a@b.c',
  'plain',
  '@example.ca',
  'alex@',
  'alex@@example.ca',
  'alex..roy@example.ca',
  '.alex@example.ca',
  'alex.@example.ca',
  'alex roy@example.ca',
  'élise@example.ca',
  'alex@exa_mple.ca',
  'alex@-example.ca',
  'alex@example.ca.',
  '',
  '   ',
  `${'a'.repeat(64)}@${'b'.repeat(180)}.ca`,
  `${'a'.repeat(64)}@${'b'.repeat(186)}.ca`,
  `${'a'.repeat(64)}@${'b'.repeat(187)}.ca`,
  ` ${'a'.repeat(60)}@example.ca${' '.repeat(250)}`,
  ` ${'a'.repeat(60)}@example.ca${' '.repeat(260)}`,
  // As typed, spaces included: exactly the longest accepted, and one more.
  'a@example.ca'.padEnd(TYPED_EMAIL_MAX_LENGTH, ' '),
  'a@example.ca'.padEnd(TYPED_EMAIL_MAX_LENGTH + 1, ' '),
]

describe('isEmailAddress, the renderer’s check without zod', () => {
  it('accepts exactly what the EmailAddress schema accepts', () => {
    for (const address of addresses)
      expect(isEmailAddress(address), JSON.stringify(address)).toBe(
        EmailAddress.safeParse(address).success,
      )
    expect(addresses.filter(isEmailAddress).length).toBeGreaterThan(3)
    expect(addresses.filter((a) => !isEmailAddress(a)).length).toBeGreaterThan(3)
  })

  it('accepts an address typed with spaces up to the typed length, not one more', () => {
    expect(isEmailAddress('a@example.ca'.padEnd(TYPED_EMAIL_MAX_LENGTH, ' '))).toBe(true)
    expect(isEmailAddress('a@example.ca'.padEnd(TYPED_EMAIL_MAX_LENGTH + 1, ' '))).toBe(false)
  })

  it('masks what is not an address without inventing a domain', () => {
    expect(maskEmail('not-an-address')).toBe('n•••@')
    expect(maskEmail('alex@example.ca')).toBe('a•••@example.ca')
  })
})
