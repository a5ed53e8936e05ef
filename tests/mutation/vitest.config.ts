import { statSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { aliases } from '../../vite.aliases'

const root = resolve(import.meta.dirname, '../..')

/**
 * Quick, pure tests first. Stryker stops a mutant's run at its first failing test, and a mutant
 * of module-level code (a schema, a table) runs every test that imports its file: most of them
 * die within the first second instead of after the service tests.
 */
const runOrder = [
  'tests/unit/shared/',
  'tests/unit/main/staff/',
  'tests/unit/main/wipe',
  'tests/unit/main/ipc/',
  'tests/unit/main/links/',
  'tests/unit/service/',
  'tests/unit/service/concurrency/',
  'tests/unit/main/hostile-renderer/',
]
/** The place of a file's folder in `runOrder` (its longest matching prefix). */
const rank = (file: string) => {
  const path = relative(root, file)
  const matching = runOrder.filter((prefix) => path.startsWith(prefix))
  const longest = matching.sort((a, b) => b.length - a.length)[0]
  return longest ? runOrder.indexOf(longest) : runOrder.length
}

class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort(
      (a, b) =>
        rank(a.moduleId) - rank(b.moduleId) ||
        statSync(a.moduleId).size - statSync(b.moduleId).size,
    )
  }
}

/**
 * The unit tests `npm run test:mutation` runs against each mutant: those of the mutated folders
 * (stryker.config.mjs beside this file) and the hostile-renderer tests that drive the IPC router.
 * Left out: tests of other folders, and tests that measure (heap) or flood (10,000 calls, fuzzing,
 * crash and restart) — seconds each, and what they would catch the quick tests catch too.
 */
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    name: 'mutation',
    root,
    environment: 'node',
    include: [
      'tests/unit/shared/**/*.test.ts',
      'tests/unit/service/**/*.test.ts',
      'tests/unit/main/{ipc,staff,links,hostile-renderer}/**/*.test.ts',
      'tests/unit/main/wipe.test.ts',
    ],
    exclude: [
      'tests/unit/main/hostile-renderer/heap.test.ts',
      'tests/unit/main/hostile-renderer/forwarding-limits.test.ts',
      'tests/unit/main/hostile-renderer/every-channel-vs-wipe.test.ts',
      'tests/unit/service/durability.test.ts',
      'tests/unit/service/fuzz.test.ts',
      'tests/unit/service/openapi/redocly-lint.test.ts',
    ],
    sequence: { sequencer: FastFirst },
    // One module graph for all the files of a run, not one per file: a tenth of the overhead.
    // Stryker still gets module-level mutants re-evaluated at each run (they are killed).
    isolate: false,
    // A mutant that makes a test wait forever should fail it soon, not after the usual 30 s.
    testTimeout: 10_000,
    hookTimeout: 10_000,
  },
})
