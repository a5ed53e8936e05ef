import { describe, expect, it } from 'vitest'
import { commonPasswordCount } from '@service/security/common-passwords'
import { DEFAULT_SCRYPT_COST } from '@service/security/passwords'

describe('the numbers that are not per-request', () => {
  it('production hashes passwords with scrypt N=2^17 (OWASP)', () => {
    expect(DEFAULT_SCRYPT_COST).toBe(2 ** 17)
  })

  it('ships a list of about 10,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(9_900)
  })
})
