/**
 * `npm run dev`: edit, save, see. The kiosk (the demo, unless a config is given) restarts on a
 * fresh `electron-vite build` each time a source file changes.
 *
 * Not electron-vite's dev server: the renderer is only ever loaded from app://kiosk under the
 * production CSP (`connect-src 'none'`, no inline styles) and the IPC router only answers that
 * origin. Vite's dev server and its HMR socket would need both loosened; a rebuild and restart
 * (a few seconds) keeps what is developed the same as what ships.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { watch } from 'node:fs'
import { resolve } from 'node:path'
import { electronViteBuild } from './electron-vite-build'
import { electronBinary, kioskEnvironment, NO_ELECTRON } from './kiosk-launch'

const ROOT = resolve(import.meta.dirname, '..')
const WATCHED = ['electron', 'renderer', 'shared', 'locales']
const SETTLE_MS = 300
const kioskArgs = process.argv.slice(2)

async function main() {
  const binary = electronBinary()
  if (!binary) {
    console.error(NO_ELECTRON)
    process.exit(1)
  }
  const { env, service } = await kioskEnvironment(kioskArgs)
  let kiosk: ChildProcess | undefined
  const restart = async () => {
    if (kiosk && kiosk.exitCode === null) {
      const exited = new Promise((done) => kiosk!.once('exit', done))
      kiosk.kill('SIGTERM')
      await exited
    }
    const { command, args } = electronViteBuild()
    const build = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) return console.error('dev: the build failed; waiting for the next save')
    kiosk = spawn(binary, ['.', ...kioskArgs], { cwd: ROOT, stdio: 'inherit', env })
  }
  let pending: ReturnType<typeof setTimeout> | undefined
  for (const folder of WATCHED)
    watch(resolve(ROOT, folder), { recursive: true }, () => {
      clearTimeout(pending)
      pending = setTimeout(() => void restart(), SETTLE_MS)
    })
  process.once('SIGINT', () => {
    kiosk?.kill('SIGTERM')
    service?.kill('SIGTERM')
    process.exit(0)
  })
  await restart()
}

main().catch((error: unknown) => {
  console.error(`npm run dev failed: ${(error as Error).message}`)
  process.exit(1)
})
