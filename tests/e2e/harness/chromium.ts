import type { LaunchOptions } from '@playwright/test'

/**
 * Debian's Chromium, as the e2e tests and the benchmark launch it: Playwright never downloads a
 * browser here, and nothing in the browser reaches the network on its own.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
} satisfies LaunchOptions
