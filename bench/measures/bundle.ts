import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildBareApp } from '../bare-app'
import type { Measure } from '../report'
import { kib, ratio } from '../stats'

const KIOSK_DIST = resolve(import.meta.dirname, '../../out/renderer')
const BAR = 1.25

const gzipBytes = (file: string) => gzipSync(readFileSync(file)).length

/** `import … from "./x.js"` and `import "./x.js"` in built code; never `import("./x.js")`, which is lazy. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g

/**
 * Initial JS + CSS of a built index.html (entry script, modulepreloads, stylesheets, and every
 * chunk those scripts import statically, since the browser fetches them before the app runs),
 * gzipped.
 */
export function initialGzipBytes(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const assets = new Set(
    [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
  )
  for (const asset of assets)
    if (asset.endsWith('.js'))
      for (const [, file] of readFileSync(join(dist, asset), 'utf8').matchAll(STATIC_IMPORT))
        assets.add(`assets/${file}`)
  return [...assets].reduce((sum, asset) => sum + gzipBytes(join(dist, asset)), 0)
}

/** Every JS and CSS file of a build, gzipped: what loads later, on the screens that need it. */
const allGzipBytes = (dist: string) =>
  readdirSync(join(dist, 'assets'))
    .filter((file) => /\.(js|css)$/.test(file))
    .reduce((sum, file) => sum + gzipBytes(join(dist, 'assets', file)), 0)

/** Size is deterministic: one build of each side, no repeats. */
export const bundleMeasure: Measure = {
  name: 'bundle',
  async run() {
    const bareDist = await buildBareApp()
    const kiosk = initialGzipBytes(KIOSK_DIST)
    const bare = initialGzipBytes(bareDist)
    const kioskAll = allGzipBytes(KIOSK_DIST)
    return {
      json: {
        kioskGzipBytes: kiosk,
        bareGzipBytes: bare,
        kioskAllGzipBytes: kioskAll,
        ratio: kiosk / bare,
      },
      rows: [
        {
          measurement: 'renderer initial JS+CSS, gzip',
          value: `${kib(kiosk)} (bare app ${kib(bare)})`,
          note: `${ratio(kiosk / bare)}; every screen together ${kib(kioskAll)}`,
          bar: { text: `≤ ${ratio(BAR)}`, met: kiosk / bare <= BAR },
        },
      ],
    }
  },
}
