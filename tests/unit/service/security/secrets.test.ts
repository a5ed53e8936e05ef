import { describe, expect, it } from 'vitest'
import {
  hashCode,
  newCode,
  newId,
  newLinkToken,
  newSessionToken,
  sameHash,
  sha256,
} from '@service/security/secrets'
import { LINK_TOKEN_PATTERN } from '@shared/mail-link'

describe('the service’s secrets', () => {
  it('a code is six digits, leading zeros kept', () => {
    const codes = Array.from({ length: 2_000 }, newCode)
    for (const code of codes) expect(code).toMatch(/^\d{6}$/)
    // One in ten codes starts with a zero; 2,000 draws without one would mean they are dropped.
    expect(codes.some((code) => code.startsWith('0'))).toBe(true)
  })

  it('link and session tokens are 256 random bits in unpadded base64url; ids 128 in hex', () => {
    expect(newLinkToken()).toMatch(LINK_TOKEN_PATTERN)
    expect(newSessionToken()).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newId()).toMatch(/^[0-9a-f]{32}$/)
    expect(newLinkToken()).not.toBe(newLinkToken())
  })

  it('sha256 is the hex SHA-256 of the value', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('a code’s MAC depends on the key, the verification and the code', () => {
    const key = Buffer.alloc(32, 1)
    const mac = hashCode(key, 'v1', '123456')
    expect(mac).toMatch(/^[0-9a-f]{64}$/)
    expect(hashCode(key, 'v1', '123456')).toBe(mac)
    expect(hashCode(Buffer.alloc(32, 2), 'v1', '123456')).not.toBe(mac)
    expect(hashCode(key, 'v2', '123456')).not.toBe(mac)
    expect(hashCode(key, 'v1', '123457')).not.toBe(mac)
  })

  it('sameHash is true only for equal strings, whatever their lengths', () => {
    expect(sameHash('abc', 'abc')).toBe(true)
    expect(sameHash('abc', 'abd')).toBe(false)
    expect(sameHash('abc', 'abcd')).toBe(false)
    expect(sameHash('', '')).toBe(true)
  })
})
