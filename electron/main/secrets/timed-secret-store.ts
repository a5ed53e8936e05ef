import { KeychainUnavailableError, type SecretStore } from './secret-store'

/** Long enough for a busy keychain daemon, short enough that nobody stares at nothing. */
export const KEYCHAIN_TIMEOUT_MS = 5_000

/** The keychain did not answer in time: a locked keyring, or a macOS keychain prompt nobody sees. */
export class KeychainTimeoutError extends KeychainUnavailableError {
  override readonly name: string = 'KeychainTimeoutError'
}

/**
 * A SecretStore whose every call settles within `timeoutMs`, and that asks the keychain one call at
 * a time. keytar's calls wait as long as the OS keychain does — forever, behind a locked
 * gnome-keyring or a macOS access prompt on a kiosk with no one at the keyboard — and each waits
 * on one of libuv's 4 threads, which a timeout cannot give back: four such calls and scrypt (the
 * staff PIN) and file reads (app://) would queue behind them for good. So a call starts only once
 * the one before it has settled; one that timed out while waiting its turn never starts.
 */
export function withKeychainTimeout(
  store: SecretStore,
  timeoutMs: number = KEYCHAIN_TIMEOUT_MS,
): SecretStore {
  let previous: Promise<unknown> = Promise.resolve()
  const timed = <T>(operation: () => Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let abandoned = false
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        abandoned = true
        reject(new KeychainTimeoutError(`no answer within ${timeoutMs} ms`))
      }, timeoutMs)
    })
    const inTurn = previous.then(() => {
      if (abandoned) throw new KeychainTimeoutError('gave up before the keychain was asked')
      return operation()
    })
    previous = inTurn.catch(() => undefined)
    return Promise.race([inTurn, expired]).finally(() => clearTimeout(timer))
  }
  return {
    get: (name) => timed(() => store.get(name)),
    set: (name, value) => timed(() => store.set(name, value)),
    delete: (name) => timed(() => store.delete(name)),
  }
}
