/**
 * `npm start`: with no kiosk config, the demo — the reference service with `--demo` on a free
 * loopback port, then the kiosk against it. With `--config PATH` or MESCERTIF_KIOSK_CONFIG, just
 * the kiosk. The service always runs as its own Node process (better-sqlite3 is not N-API).
 */
import { spawn } from 'node:child_process'
import { electronBinary, kioskEnvironment, NO_ELECTRON } from './kiosk-launch'

const kioskArgs = process.argv.slice(2)

async function main() {
  const binary = electronBinary()
  const { env, service } = await kioskEnvironment(kioskArgs)
  if (!binary) {
    console.error(NO_ELECTRON)
    if (service) console.error('The demo service is running; stop with Ctrl+C.')
    return
  }
  const kiosk = spawn(binary, ['.', ...kioskArgs], { stdio: 'inherit', env })
  const stop = () => {
    service?.kill('SIGTERM')
    kiosk.kill('SIGTERM')
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  kiosk.once('exit', (code) => {
    service?.kill('SIGTERM')
    process.exitCode = code ?? 0
  })
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${(error as Error).message}`)
  process.exit(1)
})
