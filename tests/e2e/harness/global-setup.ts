import { buildSync } from 'esbuild'
import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { HARNESS_BUNDLE, RENDERER_ROOT } from './paths'

/**
 * The harness runs the real built renderer and the real preload factory: the renderer must have
 * been built (`npm run build`), and the factory is bundled here for the browser.
 */
export default function globalSetup() {
  if (!existsSync(resolve(RENDERER_ROOT, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_ROOT}: run "npm run build" first`)
  }
  mkdirSync(resolve(HARNESS_BUNDLE, '..'), { recursive: true })
  buildSync({
    entryPoints: [resolve(import.meta.dirname, 'browser-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile: HARNESS_BUNDLE,
  })
}
