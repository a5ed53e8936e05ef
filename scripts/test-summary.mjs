// Prints one closing line for the whole run from the vitest and Playwright JSON reports.
import { readFileSync } from 'node:fs'

const read = (file) => JSON.parse(readFileSync(file, 'utf8'))
const vitest = read('test-results/vitest.json')
const packaging = read('test-results/packaging.json')
const playwright = read('test-results/playwright.json')

const passed = vitest.numPassedTests + packaging.numPassedTests + playwright.stats.expected
const failed =
  vitest.numFailedTests +
  packaging.numFailedTests +
  playwright.stats.unexpected +
  playwright.stats.flaky
const skipped =
  vitest.numPendingTests +
  vitest.numTodoTests +
  packaging.numPendingTests +
  playwright.stats.skipped
console.log(
  `unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed; e2e: ${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed; packaging: ${packaging.numPassedTests} passed, ${packaging.numFailedTests} failed`,
)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
