import { describe, expect, it } from 'vitest'
import { isEmailAddress } from '@shared/email-address'
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
})
