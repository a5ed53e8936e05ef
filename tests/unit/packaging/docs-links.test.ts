import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * `npm run lint:docs` (in `npm run lint`): every relative link and anchor in README.md, docs/ and
 * tests/ names a file and heading that exist (remark-validate-links, .remarkrc.mjs), offline.
 */
const ROOT = resolve(import.meta.dirname, '../../..')
const remark = join(ROOT, 'node_modules/remark-cli/cli.js')
const folder = mkdtempSync(join(tmpdir(), 'docs-links-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** The `lint:docs` command's flags, as package.json has them. */
const flags = () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts
  return (scripts['lint:docs'] as string).split(' ').filter((word) => word.startsWith('--'))
}

/** Runs the check over `files` in `cwd`: its exit code and what it reported. */
async function check(cwd: string, files: string[]) {
  const args = [
    remark,
    ...flags(),
    '--no-color',
    '--rc-path',
    join(ROOT, '.remarkrc.mjs'),
    ...files,
  ]
  return promisify(execFile)(process.execPath, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
  })
    .then(({ stderr }) => ({ exitCode: 0, stderr }))
    .catch((failed: { code: number; stderr: string }) => ({
      exitCode: failed.code,
      stderr: failed.stderr,
    }))
}

describe('lint: docs links', () => {
  it('passes the project’s own docs', async () => {
    const outcome = await check(ROOT, ['README.md', 'docs', 'tests'])
    expect(outcome.stderr).toBe('')
    expect(outcome.exitCode).toBe(0)
  })

  it('fails on a link to a missing file and on an anchor no heading has', async () => {
    mkdirSync(join(folder, 'docs'), { recursive: true })
    writeFileSync(join(folder, 'docs/guide.md'), '# Guide\n\n## Sign-in rules\n\nText.\n')
    writeFileSync(
      join(folder, 'README.md'),
      [
        '# Readme',
        '',
        '[fine](docs/guide.md#sign-in-rules), [fine too](#readme), [web](https://example.invalid/x)',
        '',
        '[gone](docs/service-contract.md) and [no such heading](docs/guide.md#sign-out-rules)',
        '',
      ].join('\n'),
    )
    const outcome = await check(folder, ['README.md', 'docs'])
    expect(outcome.exitCode).not.toBe(0)
    const problems = outcome.stderr
      .split('\n')
      .filter((line) => line.includes('remark-validate-links:'))
    expect(problems).toHaveLength(2)
    expect(outcome.stderr).toMatch(/5:1-5:33 +warning .*service-contract\.md.* missing-file/)
    expect(outcome.stderr).toMatch(/sign-out-rules.* missing-heading-in-file/)
  })
})
