import { resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../../..')
export const RENDERER_ROOT = resolve(ROOT, 'out/renderer')
export const RESULTS = resolve(ROOT, 'test-results')
export const HARNESS_BUNDLE = resolve(RESULTS, 'harness/browser-bridge.js')
export const SCREENSHOTS = resolve(RESULTS, 'screenshots')
export const HARNESS_ORIGIN = 'http://kiosk.test'
