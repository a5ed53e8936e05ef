import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { browserBridgeScript } from '../../../tools/harness/bridge-script'
import { RENDERER_ROOT, ROOT } from './paths'

/**
 * The harness runs the real built renderer (`npm run build`) and the real preload factory, which
 * is bundled here once so that a broken bridge fails the run before any test starts.
 */
export default function globalSetup() {
  if (!existsSync(resolve(RENDERER_ROOT, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_ROOT}: run "npm run build" first`)
  }
  if (!existsSync(resolve(ROOT, 'out/console/index.html')))
    throw new Error('No built console in out/console: run "npm run build" first')
  browserBridgeScript()
}
