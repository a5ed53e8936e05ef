import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, unlinkSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scrypt } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { SecretStore } from '@main/secrets/secret-store'
import { KeychainTimeoutError, withKeychainTimeout } from '@main/secrets/timed-secret-store'

const onLinux = process.platform === 'linux'
if (!onLinux) console.log('skipped: a FIFO held open by libuv stands in for keytar (Linux only)')

/**
 * keytar runs each call on one of libuv's threads (4 by default) and nothing can cancel it: behind
 * a locked keyring it waits for good. Here a read of a FIFO nobody writes does the same to a
 * thread: `open()` blocks inside libuv's pool until a writer appears.
 */
function lockedKeyring() {
  const fifo = join(mkdtempSync(join(tmpdir(), 'keyring-')), 'locked')
  execFileSync('mkfifo', [fifo])
  let reached = 0
  const wait = async () => {
    reached++
    await readFile(fifo)
    return undefined
  }
  const store: SecretStore = { get: wait, set: wait, delete: async () => (await wait(), false) }
  return {
    store,
    reached: () => reached,
    /** Lets every held read finish (Linux: O_RDWR on a FIFO never blocks), and later ones at once. */
    unlock() {
      const writer = openSync(fifo, 'r+')
      unlinkSync(fifo)
      writeFileSync(fifo, '')
      closeSync(writer)
    },
  }
}

describe.skipIf(!onLinux)('one keychain call at a time', () => {
  it('30 calls at once behind a locked keyring: one reaches it, each gives up in time, and scrypt (the staff PIN, app:// file reads) still gets a thread', async () => {
    const keyring = lockedKeyring()
    const keychain = withKeychainTimeout(keyring.store, 50)
    try {
      const calls = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          i % 2 ? keychain.get('device-token') : keychain.set('staff-pin-hash', 'x'),
        ),
      )
      expect(calls.map((call) => call.status === 'rejected' && call.reason)).toEqual(
        calls.map(() => expect.any(KeychainTimeoutError)),
      )
      expect(keyring.reached()).toBe(1)
      const key = await new Promise<Buffer>((resolve, reject) =>
        scrypt('246810', 'salt', 32, { N: 1024 }, (error, derived) =>
          error ? reject(error) : resolve(derived),
        ),
      )
      expect(key).toHaveLength(32)
    } finally {
      keyring.unlock()
    }
  }, 15_000)
})

describe('a keychain that answers', () => {
  it('serves 30 calls at once in turn, never two inside the keychain together', async () => {
    let inside = 0
    let most = 0
    const store: SecretStore = {
      get: async (name) => {
        most = Math.max(most, ++inside)
        await new Promise((resolve) => setImmediate(resolve))
        inside--
        return `${name}-value`
      },
      set: async () => undefined,
      delete: async () => true,
    }
    const keychain = withKeychainTimeout(store, 5_000)
    const values = await Promise.all(Array.from({ length: 30 }, () => keychain.get('device-token')))
    expect(values).toEqual(Array.from({ length: 30 }, () => 'device-token-value'))
    expect(most).toBe(1)
  })

  it('a call that failed does not stop the next one', async () => {
    let first = true
    const keychain = withKeychainTimeout(
      {
        get: async () => {
          if (first) {
            first = false
            throw new Error('daemon restarted')
          }
          return 'token'
        },
        set: async () => undefined,
        delete: async () => true,
      },
      5_000,
    )
    await expect(keychain.get('device-token')).rejects.toThrow('daemon restarted')
    await expect(keychain.get('device-token')).resolves.toBe('token')
  })
})
