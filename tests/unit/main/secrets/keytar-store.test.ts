import { execFileSync, spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { createKeytarStore } from '@main/secrets/keytar-store'
import { KeychainUnavailableError } from '@main/secrets/secret-store'

/** A Secret Service answers on this D-Bus session (scripts/test.sh starts gnome-keyring). */
function secretServiceRunning(): boolean {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false
  const probe = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { encoding: 'utf8' },
  )
  return probe.status === 0 && probe.stdout.includes('boolean true')
}

const REASON = 'no Secret Service on this D-Bus session (run the tests through scripts/test.sh)'
const available = secretServiceRunning()
if (!available) console.log(`skipped: real-keychain tests: ${REASON}`)

describe.skipIf(!available)('keytar against a real gnome-keyring', () => {
  const store = createKeytarStore(`test-${process.pid}-${Date.now()}`)

  it('sets, reads, replaces and deletes a secret', async () => {
    expect(await store.get('device-token')).toBeUndefined()
    await store.set('device-token', 'first-token-value')
    expect(await store.get('device-token')).toBe('first-token-value')
    await store.set('device-token', 'second-token-value')
    expect(await store.get('device-token')).toBe('second-token-value')
    expect(await store.delete('device-token')).toBe(true)
    expect(await store.get('device-token')).toBeUndefined()
    expect(await store.delete('device-token')).toBe(false)
  })

  it('keeps the two secrets apart', async () => {
    await store.set('device-token', 'token')
    await store.set('staff-pin-hash', 'scrypt$hash')
    expect(await store.get('staff-pin-hash')).toBe('scrypt$hash')
    expect(await store.get('device-token')).toBe('token')
    await store.delete('device-token')
    await store.delete('staff-pin-hash')
  })
})

describe('keytar with no Secret Service', () => {
  it('reports KeychainUnavailableError and stores nothing elsewhere', () => {
    // A child process on a D-Bus address where nothing listens: keytar must throw, not fall back.
    const script = `
      import { createKeytarStore } from './electron/main/secrets/keytar-store.ts'
      const store = createKeytarStore('unavailable-test')
      try { await store.set('device-token', 'x'); console.log('stored') }
      catch (error) { console.log(error.name) }
    `
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: new URL('../../../../', import.meta.url).pathname,
        env: {
          ...process.env,
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
          HOME: '/nonexistent-home',
        },
        encoding: 'utf8',
        timeout: 20_000,
      },
    )
    expect(output.trim()).toBe('KeychainUnavailableError')
  })

  it('reports KeychainUnavailableError when keytar itself cannot load', async () => {
    const store = createKeytarStore('x', () => {
      throw new Error('libsecret missing')
    })
    await expect(store.get('device-token')).rejects.toBeInstanceOf(KeychainUnavailableError)
  })
})
