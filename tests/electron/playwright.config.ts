import { defineConfig } from '@playwright/test'
import { resolve } from 'node:path'

/**
 * `npm run test:electron`: Playwright's `_electron` against the real Electron, where `npm ci` could
 * download it (a release machine, hosted CI: docs/release.md). Here every test skips with
 * "Electron binary not installed". One worker: the tests share the single-instance lock.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: resolve(import.meta.dirname, '../../test-results/electron'),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './global-setup.ts',
  projects: [
    { name: 'source', metadata: { target: 'source' } },
    { name: 'packaged', metadata: { target: 'packaged' } },
  ],
})
