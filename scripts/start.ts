/**
 * `npm start`: with no kiosk config, the demo — the reference service with `--demo` on a free
 * loopback port, then the kiosk against it. With `--config PATH` or MESCERTIF_KIOSK_CONFIG, just
 * the kiosk. The service always runs as its own Node process (better-sqlite3 is not N-API).
 * Without the Electron binary, the demo opens in Chromium instead, marked as a preview
 * (tools/preview); without a display either, only the service runs.
 */
import { spawn } from 'node:child_process'
import { PREVIEW_ENTRY, previewCannotShow } from '../tools/preview/preview-process'
import { electronBinary, kioskEnvironment, NO_ELECTRON } from './kiosk-launch'
import { sandboxHelperAdvice } from './sandbox-helper'

const kioskArgs = process.argv.slice(2)

/** Electron, or the preview where the binary is missing; undefined when neither can show. */
function kioskCommand(
  binary: string | undefined,
  demo: boolean,
): { command: string; args: string[] } | undefined {
  if (binary) return { command: binary, args: ['.', ...kioskArgs] }
  console.error(NO_ELECTRON)
  if (!demo) return undefined
  const noWindow = previewCannotShow(process.env, process.platform)
  if (noWindow) {
    console.error(noWindow)
    return undefined
  }
  console.error('Opening the demo in Chromium as a preview instead (not how a kiosk runs).')
  return { command: process.execPath, args: ['--import', 'tsx', PREVIEW_ENTRY] }
}

async function main() {
  const binary = electronBinary()
  // The kiosk never runs without Chromium's sandbox: where it cannot start, say what fixes it.
  const advice = binary && sandboxHelperAdvice(binary)
  if (advice) {
    console.error(advice)
    process.exitCode = 1
    return
  }
  const { env, service } = await kioskEnvironment(kioskArgs)
  const kioskProcess = kioskCommand(binary, service !== undefined)
  if (!kioskProcess) {
    if (service) console.error('The demo service is running; stop with Ctrl+C.')
    return
  }
  const kiosk = spawn(kioskProcess.command, kioskProcess.args, { stdio: 'inherit', env })
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
