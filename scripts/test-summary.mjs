// Prints one closing line for the whole run from the vitest and Playwright JSON reports.
import { readFileSync } from 'node:fs'

const vitest = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
const playwright = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'))

const passed = vitest.numPassedTests + playwright.stats.expected
const failed = vitest.numFailedTests + playwright.stats.unexpected + playwright.stats.flaky
const skipped = vitest.numPendingTests + vitest.numTodoTests + playwright.stats.skipped
console.log(
  `unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed; e2e: ${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed`,
)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
