import { defineConfig } from '@playwright/test'
import { resolve } from 'node:path'
import { chromiumLaunchOptions } from './tests/e2e/harness/chromium'

const results = resolve(import.meta.dirname, 'test-results')
// Chromium keeps its profile and caches under test-results, never in $HOME.
process.env.XDG_CONFIG_HOME = resolve(results, 'xdg-config')
process.env.XDG_CACHE_HOME = resolve(results, 'xdg-cache')

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: resolve(results, 'playwright'),
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Every test starts its own service and kiosk: any two can run side by side, which keeps both
  // workers busy to the end.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/harness/global-setup.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'fr-CA',
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
})
