import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { build } from 'vite'
import { routeAppFiles } from '../tools/harness/app-server'
import { rendererBuildBase } from '../renderer/vite.shared'

const ROOT = resolve(import.meta.dirname, '..')
export const BARE_APP_DIST = resolve(ROOT, 'bench/fixture-app/dist')
export const BARE_APP_ORIGIN = 'http://bare.test'

/** The baseline of the size and start-up measures, built by the kiosk renderer's own Vite setup. */
export async function buildBareApp(): Promise<string> {
  await build({
    root: resolve(ROOT, 'bench/fixture-app'),
    base: './',
    configFile: false,
    plugins: rendererBuildBase.plugins,
    define: rendererBuildBase.define,
    logLevel: 'silent',
    build: { ...rendererBuildBase.build, outDir: BARE_APP_DIST, emptyOutDir: true },
  })
  return BARE_APP_DIST
}

/** Serves the bare app the way the harness serves the kiosk: the app:// handler, same headers. */
export async function serveBareApp(page: Page): Promise<void> {
  await routeAppFiles(page, BARE_APP_ORIGIN, BARE_APP_DIST)
}
