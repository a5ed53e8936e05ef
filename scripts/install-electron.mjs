// `postinstall`: installs the Electron binary where the network allows, and never fails `npm ci`.
// package.json's `allowScripts` keeps npm from running Electron's own install script directly,
// because a failed download there fails the whole install (machines without internet, such as
// our build machines). This runs that same script — node_modules/electron/install.js: the
// download through @electron/get, checked against Electron's published SHA-256 sums, then the
// unzip — and turns a failure into one line saying what still works.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const WHAT_STILL_WORKS =
  'npm test, npm run build and the browser e2e tests still work, npm start opens the demo in Chromium as a preview, npm run test:electron skips'
const require = createRequire(import.meta.url)

// Asked not to download (CI, offline build machines): nothing to fetch, but say once what that
// means, unless a binary is already there (electron/path.txt is written by a finished install).
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  if (!existsSync(join(dirname(require.resolve('electron/package.json')), 'path.txt')))
    console.warn(
      `electron: binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); ${WHAT_STILL_WORKS}`,
    )
  process.exit(0)
}

const installer = require.resolve('electron/install.js')
const run = spawnSync(process.execPath, [installer], {
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
  console.warn(
    `electron: the Electron binary could not be fetched (${reason}); ${WHAT_STILL_WORKS} — retry with: node node_modules/electron/install.js`,
  )
}
process.exit(0)
