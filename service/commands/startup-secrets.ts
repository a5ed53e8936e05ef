import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CommandError } from './office-commands'

/**
 * Where the service's secrets come from at start (docs/deployment.md, "Secrets"): never the
 * command line, which every local account can read in the process list. In order:
 * - a file named by `--admin-token-file`, `--device-token-file`, `--counter-device-token-file`
 *   (one token per line; blank lines and `#` comments ignored), readable by its owner only;
 * - the environment: `MESCERTIF_ADMIN_TOKEN`, `MESCERTIF_DEVICE_TOKENS`,
 *   `MESCERTIF_COUNTER_DEVICE_TOKENS` (tokens separated by spaces, commas or line breaks): a
 *   Windows service sets them on its own key, a container from its secret store;
 * - systemd credentials (`LoadCredential=` / `LoadCredentialEncrypted=`): the files `admin-token`,
 *   `device-tokens`, `counter-device-tokens` in `$CREDENTIALS_DIRECTORY`.
 */
export interface StartupSecrets {
  adminToken?: string
  deviceTokens: string[]
  counterDeviceTokens: string[]
}

/** The options that once carried secrets on the command line, and what replaces each. */
export const refusedSecretOptions = {
  'admin-token': '--admin-token-file FILE or MESCERTIF_ADMIN_TOKEN',
  'device-token': '--device-token-file FILE or MESCERTIF_DEVICE_TOKENS',
  'counter-device-token': '--counter-device-token-file FILE or MESCERTIF_COUNTER_DEVICE_TOKENS',
} as const

function readSecretFile(file: string): string {
  let mode: number
  try {
    mode = statSync(file).mode
  } catch (error) {
    throw new CommandError(
      `cannot read the secret file ${file} (${(error as NodeJS.ErrnoException).code})`,
    )
  }
  // As ssh does for its keys: a secret others can read is no longer a secret. (Windows has no
  // such bits; there the file's ACL is IT's to set.)
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new CommandError(
      `the secret file ${file} is readable by others (mode ${(mode & 0o777).toString(8)}): chmod 600 it`,
    )
  return readFileSync(file, 'utf8')
}

const tokensIn = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter(Boolean)

function fromSources(
  file: string | undefined,
  envValue: string | undefined,
  credential: string | undefined,
): string[] {
  if (file !== undefined) return tokensIn(readSecretFile(file))
  if (envValue !== undefined) return tokensIn(envValue)
  if (credential !== undefined) {
    let text: string
    try {
      text = readFileSync(credential, 'utf8')
    } catch {
      return []
    }
    return tokensIn(text)
  }
  return []
}

export function readStartupSecrets(
  options: {
    'admin-token-file'?: string
    'device-token-file'?: string
    'counter-device-token-file'?: string
  },
  env: NodeJS.ProcessEnv,
): StartupSecrets {
  const credentials = env.CREDENTIALS_DIRECTORY
  const credential = (name: string) => (credentials ? join(credentials, name) : undefined)
  const admin = fromSources(
    options['admin-token-file'],
    env.MESCERTIF_ADMIN_TOKEN,
    credential('admin-token'),
  )
  if (admin.length > 1) throw new CommandError('the admin token source holds more than one token')
  return {
    ...(admin[0] !== undefined ? { adminToken: admin[0] } : {}),
    deviceTokens: fromSources(
      options['device-token-file'],
      env.MESCERTIF_DEVICE_TOKENS,
      credential('device-tokens'),
    ),
    counterDeviceTokens: fromSources(
      options['counter-device-token-file'],
      env.MESCERTIF_COUNTER_DEVICE_TOKENS,
      credential('counter-device-tokens'),
    ),
  }
}
