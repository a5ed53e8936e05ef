import { createRequire } from 'node:module'
import {
  KeychainUnavailableError,
  SECRET_SERVICE,
  type SecretName,
  type SecretStore,
} from './secret-store'

type Keytar = typeof import('keytar')

/**
 * keytar over the OS keychain (Windows Credential Manager, macOS Keychain, Secret Service on
 * Linux). On Linux without a Secret Service keytar throws: that is reported as
 * `KeychainUnavailableError`, never papered over with a file or safeStorage's `basic_text`.
 */
export function createKeytarStore(
  account = 'kiosk',
  load: () => Keytar = defaultLoad,
): SecretStore {
  const keytar = () => {
    try {
      return load()
    } catch {
      throw new KeychainUnavailableError('keytar could not be loaded')
    }
  }
  const guard = async <T>(operation: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await operation(keytar())
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error
      throw new KeychainUnavailableError('the OS keychain did not answer')
    }
  }
  const key = (name: SecretName) => `${account}:${name}`
  return {
    get: (name) =>
      guard(async (k) => (await k.getPassword(SECRET_SERVICE, key(name))) ?? undefined),
    set: (name, value) => guard((k) => k.setPassword(SECRET_SERVICE, key(name), value)),
    delete: (name) => guard((k) => k.deletePassword(SECRET_SERVICE, key(name))),
  }
}

function defaultLoad(): Keytar {
  const require = createRequire(import.meta.url)
  return require('keytar') as Keytar
}
