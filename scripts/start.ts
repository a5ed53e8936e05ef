/**
 * `npm start`: with no kiosk config, the demo — the reference service with `--demo` on a free
 * loopback port, then the kiosk against it. With `--config PATH` or MESCERTIF_KIOSK_CONFIG, just
 * the kiosk. The service always runs as its own Node process (better-sqlite3 is not N-API).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { CONFIG_ENV_VAR } from '../electron/main/config/paths'
import { launchService } from '../service/launch'
import {
  DEMO_DEVICE_TOKEN_VAR,
  DEMO_SERVICE_URL_VAR,
  DEMO_STAFF_PIN,
} from '../electron/main/startup'

const kioskArgs = process.argv.slice(2)
const configured =
  kioskArgs.some((arg) => arg.startsWith('--config')) || Boolean(process.env[CONFIG_ENV_VAR])

function electronBinary(): string | undefined {
  try {
    return createRequire(import.meta.url)('electron') as string
  } catch {
    return undefined
  }
}

const startDemoService = () => launchService(['--demo', '--port', '0'])

async function main() {
  const binary = electronBinary()
  let service: { child: ChildProcess; url: string } | undefined
  const env = { ...process.env }
  if (!configured) {
    service = await startDemoService()
    env[DEMO_SERVICE_URL_VAR] = service.url
    env[DEMO_DEVICE_TOKEN_VAR] = 'demo-device-token'
    console.log(
      `demo: reference service at ${service.url}; staff PIN ${DEMO_STAFF_PIN}; invited addresses in README.md`,
    )
  }
  if (!binary) {
    console.error(
      'The Electron binary is not installed here (it is downloaded by `npm ci` where the network allows).',
    )
    console.error('The demo service is running; stop with Ctrl+C.')
    return
  }
  const kiosk = spawn(binary, ['.', ...kioskArgs], { stdio: 'inherit', env })
  const stop = () => {
    service?.child.kill('SIGTERM')
    kiosk.kill('SIGTERM')
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  kiosk.once('exit', (code) => {
    service?.child.kill('SIGTERM')
    process.exitCode = code ?? 0
  })
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${(error as Error).message}`)
  process.exit(1)
})
