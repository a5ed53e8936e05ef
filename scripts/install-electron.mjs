// `postinstall`: installs the Electron binary where the network allows, and never fails `npm ci`.
// package.json's `allowScripts` keeps npm from running Electron's own install script directly,
// because a failed download there fails the whole install (machines without internet, such as
// our build machines). This runs that same script — node_modules/electron/install.js: the
// download through @electron/get, checked against Electron's published SHA-256 sums, then the
// unzip — and turns a failure into one line saying what still works.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

// Asked not to download (CI, offline build machines): nothing to do, nothing to say.
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0)

const installer = createRequire(import.meta.url).resolve('electron/install.js')
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
    `electron: the Electron binary could not be fetched (${reason}); npm test, npm run build and the browser e2e tests still work, npm start runs only the demo service — retry with: node node_modules/electron/install.js`,
  )
}
process.exit(0)
