/**
 * Where the Electron binary `npm ci` installed is, found without running
 * node_modules/electron/index.js: since Electron 42 that file downloads the binary when it is
 * missing — synchronously, by spawning install.js (docs/breaking-changes.md, "electron no longer
 * downloads itself via postinstall") — which on a machine without internet hangs or fails. So
 * nothing outside Electron requires 'electron': `npm start`, `npm run dev`, the `_electron` suite
 * and its global setup all ask here. electron-vite's build only resolves the package and reads its
 * package.json (node_modules/electron-vite/dist/chunks/lib-*.js, getElectronMajorVer), and
 * Playwright's `_electron.launch` requires electron/index.js only when given no
 * `executablePath` (playwright-core/lib/coreBundle.js), which tests/electron always gives.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

/**
 * The binary, read the way electron/index.js reads it (path.txt, written by a finished install,
 * names the executable under dist/; ELECTRON_OVERRIDE_DIST_PATH replaces dist/), or undefined.
 */
export function electronBinary(root: string = ROOT): string | undefined {
  let electronDir: string
  try {
    electronDir = dirname(
      createRequire(join(root, 'package.json')).resolve('electron/package.json'),
    )
  } catch {
    return undefined
  }
  const pathFile = join(electronDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, executable || 'electron')
    : executable && join(electronDir, 'dist', executable)
  return binary && existsSync(binary) ? binary : undefined
}
