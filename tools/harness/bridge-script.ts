import { buildSync } from 'esbuild'
import { resolve } from 'node:path'

let script: string | undefined

/** `browser-bridge.ts` bundled for the page (once per process): the preload's part in Chromium. */
export function browserBridgeScript(): string {
  script ??= buildSync({
    entryPoints: [resolve(import.meta.dirname, 'browser-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]?.text
  if (!script) throw new Error('esbuild produced no browser bridge')
  return script
}
