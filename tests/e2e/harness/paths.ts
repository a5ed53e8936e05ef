import { resolve } from 'node:path'
import { ROOT } from '../../../tools/harness/paths'

export { HARNESS_ORIGIN, RENDERER_ROOT, ROOT } from '../../../tools/harness/paths'
export const RESULTS = resolve(ROOT, 'test-results')
export const SCREENSHOTS = resolve(RESULTS, 'screenshots')
