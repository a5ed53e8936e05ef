import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadOrCreateServiceKey } from '@service/security/service-key'

const keyFile = () => join(mkdtempSync(join(tmpdir(), 'service-key-')), 'accounts.db.key')

describe('the service key', () => {
  it('is created once, 32 random bytes readable by the service alone, and read back after', () => {
    const file = keyFile()
    const key = loadOrCreateServiceKey(file)
    expect(key).toHaveLength(32)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(loadOrCreateServiceKey(file).equals(key)).toBe(true)
    // No draft is left beside it.
    expect(readdirSync(join(file, '..'))).toEqual(['accounts.db.key'])
  })

  it('two services starting on one database get the same key', () => {
    const file = keyFile()
    expect(loadOrCreateServiceKey(file).equals(loadOrCreateServiceKey(file))).toBe(true)
  })

  it('refuses a key file that does not hold 32 bytes', () => {
    const file = keyFile()
    writeFileSync(file, Buffer.alloc(16).toString('base64'))
    expect(() => loadOrCreateServiceKey(file)).toThrow(/service key file is not valid/)
  })

  it('reports a folder it cannot write to, instead of inventing a key', () => {
    expect(() => loadOrCreateServiceKey('/proc/no-such-folder/accounts.db.key')).toThrow()
  })
})
