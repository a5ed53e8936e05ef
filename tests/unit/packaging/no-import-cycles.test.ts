import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * `npm run lint` refuses import cycles (eslint.config.js, import-x/no-cycle). Each case lints a
 * real file of the project with the line that once closed one of the cycles put back, through
 * the project's own ESLint configuration: the rest of the cycle is the project as it is on disk.
 */
const ROOT = resolve(import.meta.dirname, '../../..')
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

/** The import-cycle problems ESLint finds in `file` once `line` is added at its top. */
async function cyclesWith(file: string, line: string | undefined) {
  const text = readFileSync(resolve(ROOT, file), 'utf8')
  const [result] = await eslint.lintText(line === undefined ? text : `${line}\n${text}`, {
    filePath: resolve(ROOT, file),
  })
  return result!.messages.filter((message) => message.ruleId === 'cycles/no-import-cycles')
}

describe('lint: no import cycles', () => {
  it('the files that closed the three cycles pass as they are', async () => {
    for (const file of [
      'shared/ipc/kiosk-api.ts',
      'electron/main/account/service-call.ts',
      'service/openapi-operation.ts',
    ])
      expect(await cyclesWith(file, undefined), file).toEqual([])
  })

  it('fails a type-only cycle: shared/ipc/kiosk-api.ts taking its types from the index again', async () => {
    const problems = await cyclesWith(
      'shared/ipc/kiosk-api.ts',
      "import type { IpcChannel as _Channel } from './index'",
    )
    expect(problems.map((problem) => problem.line)).toEqual([1])
  })

  it('follows the tsconfig aliases: a cycle closed through @shared/ is found too', async () => {
    const problems = await cyclesWith(
      'shared/ipc/kiosk-api.ts',
      "import type { IpcChannel as _Channel } from '@shared/ipc'",
    )
    expect(problems).toHaveLength(1)
  })

  it('fails the counter calls and the HTTP client importing each other again', async () => {
    const problems = await cyclesWith(
      'electron/main/account/counter-calls.ts',
      "import type { AccountClient as _Client } from './http-client'",
    )
    expect(problems).toHaveLength(1)
  })

  it('fails the counter operations and the OpenAPI document importing each other again', async () => {
    const problems = await cyclesWith(
      'service/openapi-counter.ts',
      "import type { buildOpenApi as _Build } from './openapi'",
    )
    expect(problems).toHaveLength(1)
  })
})
