import { demoConfig } from './config/demo'
import { loadConfig, type ConfigEnvironment } from './config/load'
import type { KioskConfig } from './config/schema'
import { KeychainUnavailableError, type SecretStore } from './secrets/secret-store'
import { KeychainTimeoutError, withKeychainTimeout } from './secrets/timed-secret-store'

export const DEMO_SERVICE_URL_VAR = 'MESCERTIF_DEMO_SERVICE_URL'
export const DEMO_DEVICE_TOKEN_VAR = 'MESCERTIF_DEMO_DEVICE_TOKEN'
export const DEMO_STAFF_PIN_VAR = 'MESCERTIF_DEMO_STAFF_PIN'
export const DEMO_STAFF_PIN = '246810'

export interface Startup {
  config: KioskConfig
  configSource: string
  demo: boolean
  deviceToken: string
  /** Set when the kiosk cannot serve anyone: the renderer shows these to IT instead of the flows. */
  problems?: string[]
}

/** What IT or staff do about a keychain that did not answer (shown on the set-up screen). */
export const KEYCHAIN_TIMEOUT_PROBLEM =
  "keychain: the OS keychain did not answer within 5 s (locked, or waiting for a password prompt); unlock the kiosk account's keychain (automatic login on Linux: an empty-password login keyring, docs/deployment.md §11), check with mescertif-kiosk --check as that account, then restart the kiosk"

/**
 * Decides how the kiosk starts: the config (or the demo), and the device token from the keychain
 * (or the demo's). Every way this can fail ends in a readable problem list, never a crash, and
 * never a wait with no window: the keychain gets `keychainTimeoutMs` to answer.
 */
export async function prepareStartup(
  environment: ConfigEnvironment,
  keychain: SecretStore,
  keychainTimeoutMs?: number,
): Promise<Startup> {
  const secrets = withKeychainTimeout(keychain, keychainTimeoutMs)
  const loaded = loadConfig(environment)
  if (loaded.kind === 'invalid') {
    return {
      config: demoConfig('http://127.0.0.1:9'),
      configSource: loaded.path,
      demo: false,
      deviceToken: '',
      problems: loaded.problems,
    }
  }
  if (loaded.kind === 'demo') {
    const serviceUrl = environment.env[DEMO_SERVICE_URL_VAR]
    if (!serviceUrl) {
      return {
        config: demoConfig('http://127.0.0.1:9'),
        configSource: loaded.path,
        demo: false,
        deviceToken: '',
        problems: [
          `(whole file): no config file here, and no demo service running (start the demo with "npm start")`,
        ],
      }
    }
    return {
      config: demoConfig(serviceUrl),
      configSource: 'demo',
      demo: true,
      deviceToken: environment.env[DEMO_DEVICE_TOKEN_VAR] ?? 'demo-device-token',
    }
  }
  try {
    const deviceToken = await secrets.get('device-token')
    if (!deviceToken) {
      return {
        config: loaded.config,
        configSource: loaded.path,
        demo: false,
        deviceToken: '',
        problems: ['device token: not provisioned (run: mescertif-kiosk --provision)'],
      }
    }
    return { config: loaded.config, configSource: loaded.path, demo: false, deviceToken }
  } catch (error) {
    if (error instanceof KeychainTimeoutError)
      return {
        config: loaded.config,
        configSource: loaded.path,
        demo: false,
        deviceToken: '',
        problems: [KEYCHAIN_TIMEOUT_PROBLEM],
      }
    const reason =
      error instanceof KeychainUnavailableError
        ? 'the OS keychain is not available; nothing is stored elsewhere'
        : 'the keychain failed'
    return {
      config: loaded.config,
      configSource: loaded.path,
      demo: false,
      deviceToken: '',
      problems: [`keychain: ${reason}`],
    }
  }
}
