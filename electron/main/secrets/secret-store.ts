/**
 * Where the kiosk keeps its two secrets (device token, staff PIN hash). Only the OS keychain backs
 * it; keytar sits behind this interface because it is archived upstream and may be replaced (VS
 * Code, Element and Signal moved to safeStorage).
 */
export const SECRET_SERVICE = 'mescertif-kiosk'
export const secretNames = ['device-token', 'staff-pin-hash'] as const
export type SecretName = (typeof secretNames)[number]

export interface SecretStore {
  get(name: SecretName): Promise<string | undefined>
  set(name: SecretName, value: string): Promise<void>
  delete(name: SecretName): Promise<boolean>
}

/** Thrown when the OS keychain cannot be reached; the kiosk then stores nothing anywhere. */
export class KeychainUnavailableError extends Error {
  override readonly name: string = 'KeychainUnavailableError'
}
