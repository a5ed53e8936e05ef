// @ts-check
/**
 * `npm run test:mutation`: StrykerJS mutates the code that decides (shared rules, the service's
 * domain and security, main's IPC gate and handlers, the staff gate, the wipe) and runs the unit
 * tests against each mutant. Not part of `npm test`: about an hour on two cores (72 min on 2026-11-29, the machine shared; use `--incremental` and narrow `--mutate` runs while working).
 * What survives, and what it says, is in survivors.md beside this file.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  mutate: [
    'shared/**/*.ts',
    'service/domain/**/*.ts',
    'service/security/**/*.ts',
    'electron/main/ipc/**/*.ts',
    'electron/main/staff/**/*.ts',
    'electron/main/wipe.ts',
  ],
  // Builds, reports and test output are not needed in the sandbox Stryker copies the project to.
  ignorePatterns: ['out', 'dist', 'dist-e2e', 'test-results', 'playwright-report', 'bench/results'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level values: schemas, limit tables, code lists) are run against the
  // whole unit suite, 40 s each: 500 of them would take three hours on two cores. They are left
  // out of the score; the schemas and tables they touch are checked by contract and config tests.
  ignoreStatic: true,
  // The build machine is shared: two workers at most.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/incremental.json',
  thresholds: { high: 90, low: 85, break: 85 },
  cleanTempDir: 'always',
}
