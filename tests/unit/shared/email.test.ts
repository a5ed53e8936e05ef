import { describe, expect, it } from 'vitest'
import { EmailAddress, maskEmail, normalizeEmail } from '@shared/email'

describe('email addresses', () => {
  it('are compared trimmed and in lower case', () => {
    expect(normalizeEmail('  Alex.Tremblay@Example.CA \n')).toBe('alex.tremblay@example.ca')
    expect(EmailAddress.parse(' Alex@Example.CA ')).toBe('alex@example.ca')
  })

  it('may be 254 characters long, not 255', () => {
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ca`
    expect(at254).toHaveLength(254)
    expect(EmailAddress.safeParse(at254).success).toBe(true)
    expect(EmailAddress.safeParse(`${at254.slice(0, -3)}c.ca`).success).toBe(false)
  })

  it('refuses what is not an address', () => {
    expect(EmailAddress.safeParse('alex.example.ca').success).toBe(false)
    expect(EmailAddress.safeParse('x'.repeat(400)).success).toBe(false)
  })

  it('are masked to their first letter and domain', () => {
    expect(maskEmail('alex.tremblay@example.ca')).toBe('a•••@example.ca')
    expect(maskEmail('not-an-address')).toBe('n•••@')
  })
})
