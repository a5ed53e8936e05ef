import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { buildOpenApi } from '@service/openapi'

/**
 * The contract as other teams read it: the document `GET /v1/openapi.json` serves
 * (service/routes/health.ts serves `buildOpenApi()`) passes Redocly's recommended rules
 * (redocly.yaml), run by Redocly's own CLI. The CLI runs offline: telemetry and the update check
 * are off, and no-network.mjs refuses and reports any socket or name look-up it would make.
 */
const root = resolve(import.meta.dirname, '../../../..')
const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js')
const guard = join(import.meta.dirname, 'no-network.mjs')
const folder = mkdtempSync(join(tmpdir(), 'openapi-lint-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

type Problem = { ruleId: string; severity: string; message: string }
type Outcome = { exitCode: number; problems: Problem[]; stderr: string }

/** Runs `redocly lint` over a document; its JSON report, exit code and stderr. */
async function lint(document: unknown, name: string): Promise<Outcome> {
  const file = join(folder, `${name}.json`)
  writeFileSync(file, JSON.stringify(document))
  const args = ['--import', guard, cli, 'lint', file, '--config', join(root, 'redocly.yaml')]
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_COLOR: '1',
  }
  const run = promisify(execFile)(process.execPath, [...args, '--format', 'json'], {
    cwd: folder,
    env,
  })
  const outcome = await run.then(
    ({ stdout, stderr }) => ({ exitCode: 0, stdout, stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({
      exitCode: failed.code,
      stdout: failed.stdout,
      stderr: failed.stderr,
    }),
  )
  const report = JSON.parse(outcome.stdout) as { problems: Problem[] }
  return { exitCode: outcome.exitCode, problems: report.problems, stderr: outcome.stderr }
}

describe('Redocly lint of the OpenAPI document', () => {
  it('passes the recommended rules with no error and no warning, offline', async () => {
    const outcome = await lint(buildOpenApi(), 'served')
    expect(outcome.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([])
    expect(outcome.exitCode).toBe(0)
    expect(outcome.stderr).not.toContain('NETWORK ATTEMPT')
  })

  it('fails a document with an operation that has no operationId, no 4xx and no servers', async () => {
    const document: Partial<ReturnType<typeof buildOpenApi>> = buildOpenApi()
    const health = (document.paths!['/v1/health'] as { get: Record<string, unknown> }).get
    delete health.operationId
    const responses = health.responses as Record<string, unknown>
    for (const status of Object.keys(responses))
      if (status.startsWith('4')) delete responses[status]
    delete document.servers
    const outcome = await lint(document, 'broken')
    expect(outcome.exitCode).not.toBe(0)
    expect(new Set(outcome.problems.map((p) => p.ruleId))).toEqual(
      new Set(['operation-operationId', 'operation-4xx-response', 'no-empty-servers']),
    )
  })

  it('the guard it runs under does report a network attempt', async () => {
    const probe = `await fetch('http://127.0.0.1:2/').catch(() => {})`
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', guard, '--input-type=module', '-e', probe],
      { cwd: folder },
    )
    expect(stderr).toContain('NETWORK ATTEMPT: socket connect')
  })
})
