import { describe, expect, it } from 'vitest'
import { demoConfig } from '@main/config/demo'
import { KeychainUnavailableError, type SecretStore } from '@main/secrets/secret-store'
import { KEYCHAIN_TIMEOUT_PROBLEM, prepareStartup } from '@main/startup'

const configured = {
  argv: ['kiosk', '--config', '/c.json'],
  env: {},
  platform: 'linux' as const,
  readFile: (path: string) =>
    path === '/c.json' ? JSON.stringify(demoConfig('https://accounts.example.ca')) : undefined,
}
const keychain = (get: SecretStore['get']): SecretStore => ({
  get,
  set: async () => undefined,
  delete: async () => true,
})

describe('start-up and the keychain', () => {
  it('a keychain that never answers (locked keyring, hidden prompt) ends in the set-up screen, in time', async () => {
    const started = await prepareStartup(
      configured,
      keychain(() => new Promise(() => undefined)),
      50,
    )
    expect(started.problems).toEqual([KEYCHAIN_TIMEOUT_PROBLEM])
    expect(started.deviceToken).toBe('')
    expect(KEYCHAIN_TIMEOUT_PROBLEM).toContain('--check')
  })

  it('a keychain that answers in time gives the device token', async () => {
    const started = await prepareStartup(
      configured,
      keychain(async () => 'device-token-123456'),
      1000,
    )
    expect(started.problems).toBeUndefined()
    expect(started.deviceToken).toBe('device-token-123456')
  })

  it('no keychain at all says so, and nothing is stored elsewhere', async () => {
    const started = await prepareStartup(
      configured,
      keychain(async () => {
        throw new KeychainUnavailableError('none')
      }),
    )
    expect(started.problems).toEqual([
      'keychain: the OS keychain is not available; nothing is stored elsewhere',
    ])
  })

  it('a keychain without a device token asks for provisioning', async () => {
    const started = await prepareStartup(
      configured,
      keychain(async () => undefined),
    )
    expect(started.problems).toEqual([
      'device token: not provisioned (run: mescertif-kiosk --provision)',
    ])
  })
})
