import { resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_ROOT = resolve(ROOT, 'out/renderer')
/** Where the harness serves the built renderer from (Electron serves it from app://kiosk). */
export const HARNESS_ORIGIN = 'http://kiosk.test'
