import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * .github/workflows/release.yml runs on hosted CI only: here it is checked by action-validator
 * (GitHub's workflow schema from SchemaStore, plus its own checks, as WebAssembly from npm), and
 * for the steps docs/release.md promises.
 */
const ROOT = resolve(import.meta.dirname, '../../..')
const source = readFileSync(resolve(ROOT, '.github/workflows/release.yml'), 'utf8')

describe('the release workflow', () => {
  it('is a valid GitHub Actions workflow', () => {
    expect(validateWorkflow(source).errors).toEqual([])
  })

  it('the validator rejects a broken one, so the check above can fail', () => {
    const broken = source.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}')
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0)
  })

  it('builds on Windows, macOS and Linux: npm ci, npm test, test:electron (Xvfb on Linux), dist, upload', () => {
    const workflow = parse(source) as {
      jobs: Record<
        string,
        {
          strategy: { matrix: { include: { os: string }[] } }
          steps: { run?: string; uses?: string }[]
        }
      >
    }
    const [job] = Object.values(workflow.jobs)
    expect(job!.strategy.matrix.include.map(({ os }) => os.split('-')[0])).toEqual([
      'ubuntu',
      'windows',
      'macos',
    ])
    const runs = job!.steps.map((step) => step.run ?? step.uses ?? '').join('\n')
    const order = [
      'npm ci',
      'npm test',
      'npm run dist:e2e',
      'xvfb-run -a npm run test:electron',
      'npm run dist --',
      'actions/upload-artifact',
    ]
    const positions = order.map((command) => runs.indexOf(command))
    expect(positions.every((position) => position >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it("lets Chromium's sandbox start on ubuntu-24.04 before anything launches Electron", () => {
    const workflow = parse(source) as {
      jobs: Record<string, { steps: { name?: string; if?: string; run?: string }[] }>
    }
    const steps = Object.values(workflow.jobs)[0]!.steps
    const index = (match: (step: (typeof steps)[number]) => boolean) => steps.findIndex(match)
    const sandbox = index((step) => /apparmor_restrict_unprivileged_userns=0/.test(step.run ?? ''))
    expect(sandbox).toBeGreaterThan(index((step) => /^npm ci\b/.test(step.run ?? '')))
    expect(sandbox).toBeLessThan(index((step) => step.run === 'npm test'))
    expect(steps[sandbox]!.if).toBe("runner.os == 'Linux'")
  })
})
