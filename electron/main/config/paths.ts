import { join } from 'node:path'

export type ConfigSource = 'argument' | 'environment' | 'os-default'

export const CONFIG_ENV_VAR = 'MESCERTIF_KIOSK_CONFIG'

/** Where IT puts the machine-wide config on each OS (docs/deployment.md). */
export function defaultConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') {
    return join(env.PROGRAMDATA ?? 'C:\\ProgramData', 'MesCertif Kiosk', 'config.json')
  }
  if (platform === 'darwin') return '/Library/Application Support/MesCertif Kiosk/config.json'
  return '/etc/mescertif-kiosk/config.json'
}

/** `--config PATH` (or `--config=PATH`), else the environment variable, else the OS default. */
export function resolveConfigPath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): { path: string; source: ConfigSource } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg.startsWith('--config='))
      return { path: arg.slice('--config='.length), source: 'argument' }
    if (arg === '--config' && argv[i + 1])
      return { path: argv[i + 1] as string, source: 'argument' }
  }
  const fromEnv = env[CONFIG_ENV_VAR]
  if (fromEnv) return { path: fromEnv, source: 'environment' }
  return { path: defaultConfigPath(platform, env), source: 'os-default' }
}
