import { KeychainUnavailableError, type SecretStore } from './secret-store'

/** Long enough for a busy keychain daemon, short enough that nobody stares at nothing. */
export const KEYCHAIN_TIMEOUT_MS = 5_000

/** The keychain did not answer in time: a locked keyring, or a macOS keychain prompt nobody sees. */
export class KeychainTimeoutError extends KeychainUnavailableError {
  override readonly name: string = 'KeychainTimeoutError'
}

/**
 * A SecretStore whose every call settles within `timeoutMs`. keytar's calls wait as long as the OS
 * keychain does — forever, behind a locked gnome-keyring or a macOS access prompt on a kiosk with
 * no one at the keyboard — and start-up awaits them before any window exists.
 */
export function withKeychainTimeout(
  store: SecretStore,
  timeoutMs: number = KEYCHAIN_TIMEOUT_MS,
): SecretStore {
  const timed = <T>(operation: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new KeychainTimeoutError(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      )
    })
    return Promise.race([operation, expired]).finally(() => clearTimeout(timer))
  }
  return {
    get: (name) => timed(store.get(name)),
    set: (name, value) => timed(store.set(name, value)),
    delete: (name) => timed(store.delete(name)),
  }
}
