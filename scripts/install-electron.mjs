// `postinstall`: installs the Electron binary where the network allows, and never fails `npm ci`.
// Since Electron 42 the electron package has no install script of its own: it downloads on first
// use, from node_modules/electron/index.js (docs/breaking-changes.md, "electron no longer downloads
// itself via postinstall"), which blocks or fails offline. So this runs its installer now —
// node_modules/electron/install.js (the package's `install-electron` bin): the download through
// @electron/get, checked against Electron's published SHA-256 sums, then the unzip — and turns a
// failure into one line saying what still works. With an older Electron whose own postinstall ran
// first, install.js finds the binary installed and does nothing.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const WHAT_STILL_WORKS =
  'npm test, npm run build and the browser e2e tests still work, npm start opens the demo in Chromium as a preview, npm run test:electron skips'
const require = createRequire(import.meta.url)

/** electron is a devDependency: `npm ci --omit=dev` and NODE_ENV=production leave it out. */
function electronPackage() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return undefined
  }
}

const electron = electronPackage()
if (!electron) {
  console.warn(
    'electron: not installed (dev dependencies left out: --omit=dev or NODE_ENV=production); the kiosk is built and tested with them',
  )
  process.exit(0)
}

// Asked not to download (CI, offline build machines): nothing to fetch, but say once what that
// means, unless a binary is already there (electron/path.txt is written by a finished install).
// Electron itself no longer reads this variable since 42; this script still does.
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  if (!existsSync(join(electron, 'path.txt')))
    console.warn(
      `electron: binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); ${WHAT_STILL_WORKS}`,
    )
  process.exit(0)
}

const run = spawnSync(process.execPath, [join(electron, 'install.js')], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
})
if (run.status !== 0) {
  // install.js prints the error's stack; its first line is the reason.
  const reason =
    `${run.stderr ?? ''}\n${run.error?.message ?? ''}`
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? `exit code ${run.status}`
  // @electron/get uses a proxy only when asked to (node_modules/@electron/get/dist/index.js).
  console.warn(
    `electron: the Electron binary could not be fetched (${reason}); ${WHAT_STILL_WORKS} — retry with: node node_modules/electron/install.js (behind a proxy: ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY)`,
  )
}
process.exit(0)
