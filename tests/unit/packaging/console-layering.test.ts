import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')

/** What ESLint says of one import line written in a console source file. */
async function importProblems(line: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT })
  const [result] = await eslint.lintText(`${line}\nvoid x\n`, {
    filePath: resolve(ROOT, 'console/src/layering-probe.ts'),
  })
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message)
}

describe('the console’s layering (eslint.config.js)', () => {
  it('imports shared code by its alias', async () => {
    expect(await importProblems("import { mayUse as x } from '@shared/api/console/roles'")).toEqual(
      [],
    )
  })

  it.each([
    "import { createService as x } from '@service/server'",
    "import { createKioskCore as x } from '@main/kiosk-core'",
    "import x from '../../service/server'",
    "import x from 'node:fs'",
    "import x from 'axios'",
  ])('refuses %s: it reaches the service over HTTP only', async (line) => {
    expect((await importProblems(line)).join('\n')).toMatch(/browser app|alias|sides|@shared/)
  })
})
