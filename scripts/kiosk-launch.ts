/**
 * What `npm start` and `npm run dev` share: the Electron binary, and the demo — the reference
 * service with `--demo` on a free loopback port — unless a kiosk config is given.
 */
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { CONFIG_ENV_VAR } from '@main/config/paths'
import { DEMO_DEVICE_TOKEN_VAR, DEMO_SERVICE_URL_VAR, DEMO_STAFF_PIN } from '@main/startup'
import { demoConsoleAccounts } from '@service/demo-seed'
import { launchService } from '@service/launch'

/** The binary `npm ci` installed (node_modules/electron), or undefined where it could not. */
export function electronBinary(): string | undefined {
  try {
    return createRequire(import.meta.url)('electron') as string
  } catch {
    return undefined
  }
}

export const NO_ELECTRON =
  'The Electron binary is not installed here (it is downloaded by `npm ci` where the network allows).'

/** The kiosk's environment: the demo service's address unless a config is named. */
export async function kioskEnvironment(
  kioskArgs: readonly string[],
): Promise<{ env: NodeJS.ProcessEnv; service?: ChildProcess }> {
  const env = { ...process.env }
  const configured =
    kioskArgs.some((arg) => arg.startsWith('--config')) || Boolean(process.env[CONFIG_ENV_VAR])
  if (configured) return { env }
  const service = await launchService(['--demo', '--port', '0'])
  env[DEMO_SERVICE_URL_VAR] = service.url
  env[DEMO_DEVICE_TOKEN_VAR] = 'demo-device-token'
  console.log(
    `demo: reference service at ${service.url}; staff PIN ${DEMO_STAFF_PIN}; invited addresses in README.md`,
  )
  console.log(demoConsoleLine(service.url))
  return { env, service: service.child }
}

/** The console's address and its demo IT account (README, "The demo"). */
export function demoConsoleLine(serviceUrl: string): string {
  const it = demoConsoleAccounts.find((account) => account.role === 'it')!
  return `demo: console at ${serviceUrl}/console/ (IT: ${it.email} / ${it.password}; registrar: see README.md)`
}
