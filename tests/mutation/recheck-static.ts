/**
 * `npx tsx tests/mutation/recheck-static.ts [report.json]`: re-checks by hand the static mutants a
 * Stryker run reported as surviving. Under `ignoreStatic`, Stryker still runs a "hybrid" mutant
 * (module-level code that tests also reach, e.g. a table of functions) against its covering tests,
 * but activates it in a `beforeAll`, after the test file has imported the module
 * (@stryker-mutator/core, dist/src/mutants/mutant-test-planner.js: `mutantActivation: testFilter
 * ? 'runtime' : 'static'`): the module-level part never runs mutated, and the mutant survives
 * whatever the tests check. Here each one is written into the source, its covering test files run
 * with the mutation config, and the source put back. It prints one line per mutant and exits 1
 * if any survives this too.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

type Position = { line: number; column: number }
type Mutant = {
  id: string
  mutatorName: string
  replacement?: string
  status: string
  static?: boolean
  coveredBy?: string[]
  location: { start: Position; end: Position }
}
type Report = {
  files: Record<string, { source: string; mutants: Mutant[] }>
  testFiles?: Record<string, { tests: { id: string }[] }>
}

const root = resolve(import.meta.dirname, '../..')
const report = JSON.parse(
  readFileSync(resolve(root, process.argv[2] ?? 'reports/mutation/mutation.json'), 'utf8'),
) as Report

const fileOfTest = new Map<string, string>()
for (const [file, { tests }] of Object.entries(report.testFiles ?? {}))
  for (const test of tests) fileOfTest.set(test.id, file)

/** Offset of a Stryker position (1-based line and column) in `source`. */
const offsetOf = (source: string, { line, column }: Position) =>
  source
    .split('\n')
    .slice(0, line - 1)
    .reduce((sum, text) => sum + text.length + 1, 0) +
  column -
  1

let surviving = 0
for (const [file, { mutants }] of Object.entries(report.files))
  for (const mutant of mutants) {
    if (!mutant.static || mutant.status !== 'Survived') continue
    const path = resolve(root, file)
    const original = readFileSync(path, 'utf8')
    const start = offsetOf(original, mutant.location.start)
    const end = offsetOf(original, mutant.location.end)
    const testFiles = [...new Set((mutant.coveredBy ?? []).map((id) => fileOfTest.get(id)!))]
    let verdict = 'survives'
    try {
      writeFileSync(path, original.slice(0, start) + mutant.replacement + original.slice(end))
      execFileSync(
        'npx',
        ['vitest', 'run', '--config', 'tests/mutation/vitest.config.ts', ...testFiles],
        { cwd: root, stdio: 'ignore' },
      )
    } catch {
      verdict = 'killed'
    } finally {
      writeFileSync(path, original)
    }
    if (verdict === 'survives') surviving++
    const where = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`
    console.log(`${verdict.padEnd(8)} ${where} ${mutant.mutatorName} (${testFiles.join(', ')})`)
  }
process.exitCode = surviving > 0 ? 1 : 0
